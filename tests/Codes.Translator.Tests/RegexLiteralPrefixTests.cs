using HealthCode.Translator.Normalization.Engine;

namespace HealthCode.Translator.Tests;

public sealed class RegexLiteralPrefixTests
{
    [TestCase("^SH[0-9]{18}$", "SH")]
    [TestCase("^BJ-[0-9A-F]{20}$", "BJ-")]
    [TestCase("^YK50[0-9A-F]{16}$", "YK50")]
    [TestCase("^HKHC-[0-9]{8}-[0-9A-F]{8}$", "HKHC-")]
    [TestCase("^AB_12$", "AB_12")]
    public void A_leading_anchor_and_plain_characters_are_the_prefix(string pattern, string prefix)
    {
        Assert.That(RegexLiteralPrefix.Of(pattern), Is.EqualTo(prefix));
    }

    [TestCase("^SHX?[0-9]+$", "SH")]
    [TestCase("^SHX*[0-9]+$", "SH")]
    [TestCase("^SHX+[0-9]+$", "SH")]
    [TestCase("^SHX{0,2}[0-9]+$", "SH")]
    [TestCase("^S?[0-9]+$", "")]
    public void A_quantified_last_character_is_left_out(string pattern, string prefix)
    {
        Assert.That(RegexLiteralPrefix.Of(pattern), Is.EqualTo(prefix));
    }

    [TestCase("SH[0-9]{18}$")]
    [TestCase("^SH[0-9]{18}$|^ZJ[0-9]{18}$")]
    [TestCase("^(SH|ZJ)[0-9]{18}$")]
    [TestCase("^SH[0-9|]{18}$")]
    [TestCase("(?i)^SH[0-9]{18}$")]
    [TestCase("^(?i)SH[0-9]{18}$")]
    [TestCase("^\\w+$")]
    [TestCase("^[A-Z]{2}[0-9]+$")]
    [TestCase("^.SH$")]
    [TestCase("^")]
    [TestCase("")]
    public void Anything_but_the_plain_case_gives_no_prefix(string pattern)
    {
        Assert.That(RegexLiteralPrefix.Of(pattern), Is.Empty);
    }

    [TestCase("^SH[0-9]{3}$", "SH123", true)]
    [TestCase("^SH[0-9]{3}$", "sh123", false)]
    [TestCase("^SH[0-9]{3}$", "XSH123", false)]
    [TestCase("^BJ-[0-9]{2}$", "BJ-12", true)]
    [TestCase("^BJ-[0-9]{2}$", "BJ12", false)]
    [TestCase("^SHX?[0-9]+$", "SH1", true)]
    [TestCase("^SHX?[0-9]+$", "SHX1", true)]
    public void The_prefix_never_refuses_a_code_the_pattern_accepts(string pattern, string code, bool matches)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern);

        Assert.That(regex.IsMatch(code), Is.EqualTo(matches), "the pattern itself");
        Assert.That(code.StartsWith(RegexLiteralPrefix.Of(pattern), StringComparison.Ordinal) || !regex.IsMatch(code), Is.True);
    }
}
