using HealthCode.Verifier.Privacy;

namespace HealthCode.Verifier.Tests.Privacy;

public sealed class MaskingTests
{
    [TestCase("张伟", "张*")]
    [TestCase("欧阳娜娜", "欧***")]
    [TestCase("张", "张")]
    [TestCase("𠀋伟", "𠀋*")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Name_keeps_the_first_character_and_stars_the_rest(string? name, string expected) =>
        Assert.That(Masking.Name(name), Is.EqualTo(expected));

    [TestCase("330106198108037021", "3301**********7021")]
    [TestCase("E12345678", "E*******8")]
    [TestCase("A1234563", "A******3")]
    [TestCase("12345678AB", "1234**78AB")]
    [TestCase("AB", "**")]
    [TestCase("", "")]
    public void Document_keeps_four_at_each_end_from_ten_characters_else_one(string number, string expected) =>
        Assert.That(Masking.Document(number), Is.EqualTo(expected));
}
