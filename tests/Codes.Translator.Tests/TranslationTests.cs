using HealthCode.Translator.Canonical;
using HealthCode.Translator.Tests.Support;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Tests;

public sealed class TranslationTests
{
    private static RiskTranslator Translator => Shared.Translator;

    [Test]
    public void Beijing_green_translates_to_Guangdong_green_exactly()
    {
        var result = Translator.Translate("110000", "440000", "未见异常");

        Assert.That(result, Is.EqualTo(new TranslationResult(RiskLevel.Green, new TranslationTarget("440000", "绿码", "2"), true)));
    }

    [Test]
    public void Beijing_popup_4_is_yellow_elsewhere_and_not_exact()
    {
        var result = Translator.Translate("110000", "440000", "弹窗", "popup-4");

        Assert.That(result, Is.EqualTo(new TranslationResult(RiskLevel.Yellow, new TranslationTarget("440000", "黄码", "3"), false)));
    }

    [Test]
    public void Beijing_popup_2_is_red_elsewhere()
    {
        Assert.That(Translator.Translate("110000", "310000", "弹窗", "popup-2").Target.NativeLevel, Is.EqualTo("2"));
    }

    [Test]
    public void Beijing_popup_without_number_is_read_as_red_and_not_exact()
    {
        var result = Translator.Translate("110000", "330000", "弹窗");

        Assert.That((result.Level, result.Exact, result.Target.NativeLevel), Is.EqualTo((RiskLevel.Red, false, "red")));
    }

    [Test]
    public void Macau_g28_is_green_but_not_exact_elsewhere()
    {
        var result = Translator.Translate("820000", "110000", "verde", "g28");

        Assert.That(result, Is.EqualTo(new TranslationResult(RiskLevel.Green, new TranslationTarget("110000", "未见异常", "未见异常"), false)));
    }

    [Test]
    public void Unknown_level_into_a_region_without_one_has_no_native_level_and_its_unknown_label()
    {
        var result = Translator.Translate("420000", "110000", "99");

        Assert.That(result, Is.EqualTo(new TranslationResult(RiskLevel.Unknown, new TranslationTarget("110000", "无法判定", null), false)));
    }

    [Test]
    public void Zhejiang_under_review_into_Guangdong_is_unknown_0_not_exact()
    {
        var result = Translator.Translate("330000", "440000", "init");

        Assert.That((result.Level, result.Target.NativeLevel, result.Exact), Is.EqualTo((RiskLevel.Unknown, "0", false)));
    }

    [Test]
    public void Hong_Kong_labels_are_traditional_characters()
    {
        Assert.That(Translator.Translate("000000", "810000", "红码").Target.Label, Is.EqualTo("紅碼"));
    }

    [Test]
    public void Same_region_keeps_the_native_value_and_its_sub_status_is_exact()
    {
        var result = Translator.Translate("110000", "110000", "弹窗", "popup-4");

        Assert.That((result.Level, result.Target.NativeLevel, result.Exact), Is.EqualTo((RiskLevel.Yellow, "弹窗", true)));
    }

    [Test]
    public void Jiangsu_trip_star_does_not_change_the_level()
    {
        var result = Translator.Translate("320000", "000000", "green", "trip-star");

        Assert.That((result.Level, result.Exact), Is.EqualTo((RiskLevel.Green, false)));
    }

    [TestCase("999999", "110000", "绿码", null, "from", TranslationError.UnknownRegion)]
    [TestCase("110000", "999999", "未见异常", null, "to", TranslationError.UnknownRegion)]
    [TestCase("110000", "440000", "绿码", null, "level", TranslationError.UnknownValue)]
    [TestCase("110000", "440000", "弹窗", "popup-9", "subStatus", TranslationError.UnknownValue)]
    [TestCase("440000", "110000", "2", "popup-1", "subStatus", TranslationError.UnknownValue)]
    public void Errors_name_the_offending_parameter(string from, string to, string level, string? subStatus, string parameter, TranslationError error)
    {
        var ex = Assert.Throws<TranslationException>(() => Translator.Translate(from, to, level, subStatus));

        Assert.That((ex!.ParamName, ex.Error), Is.EqualTo((parameter, error)));
    }

    public static IEnumerable<TestCaseData> EveryPairAndValue()
    {
        foreach (var from in Shared.Catalog.All)
        {
            var vocabulary = Shared.Translator.VocabularyOf(from.Id);
            foreach (var entry in vocabulary.Entries.Values)
            {
                var subStatuses = entry.Details.Keys.Cast<string?>().Append(null);
                foreach (var sub in subStatuses)
                {
                    foreach (var to in Shared.Catalog.All)
                    {
                        yield return new TestCaseData(from.Id, to.Id, entry.NativeLevel, sub);
                    }
                }
            }
        }
    }

    [Test]
    public void Translation_is_never_less_restrictive_for_any_region_pair_and_native_value()
    {
        var checkedCount = 0;
        foreach (var data in EveryPairAndValue())
        {
            var (from, to, level, sub) = ((string)data.Arguments[0]!, (string)data.Arguments[1]!, (string)data.Arguments[2]!, (string?)data.Arguments[3]);
            var source = Translator.VocabularyOf(from).Entries[level];
            var sourceLevel = sub is null ? source.WorstCase : source.Details[sub];

            var result = Translator.Translate(from, to, level, sub);

            Assert.That(result.Level, Is.GreaterThanOrEqualTo(sourceLevel), $"{from} {level}/{sub} -> {to}");
            if (result.Target.NativeLevel is { } native)
            {
                var targetEntry = Translator.VocabularyOf(to).Entries[native];
                var targetLevel = from == to && sub is not null ? targetEntry.Details[sub] : targetEntry.WorstCase;
                Assert.That(targetLevel, Is.GreaterThanOrEqualTo(sourceLevel), $"{from} {level}/{sub} -> {to} {native}");
            }

            Assert.That(result.Target.Label, Is.EqualTo(Shared.Catalog.Find(to)!.LabelFor(result.Level)));
            checkedCount++;
        }

        Assert.That(checkedCount, Is.GreaterThan(12 * 12 * 3));
    }

    [Test]
    public void Translation_agrees_with_normalization_for_every_fixture()
    {
        foreach (var region in Shared.Catalog.All)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, region.Id)).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)))
            {
                var record = Shared.Normalizer.Normalize(region, File.ReadAllBytes(file), Shared.ContentType(region), Shared.Context).Record!;
                var sub = Translator.VocabularyOf(region.Id).Entries[record.Code.NativeLevel].Details.ContainsKey(record.Code.SubStatus ?? string.Empty) ? record.Code.SubStatus : null;

                Assert.That(Translator.Translate(region.Id, "000000", record.Code.NativeLevel, sub).Level, Is.EqualTo(record.Code.Level), file);
            }
        }
    }
}
