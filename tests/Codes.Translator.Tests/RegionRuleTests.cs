using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>One test per rule of shared/regions.md.</summary>
public sealed class RegionRuleTests
{
    private static string Keys(NormalizationResult r) => string.Join("; ", r.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    [TestCase(1, "yellow")]
    [TestCase(2, "red")]
    [TestCase(3, "yellow")]
    [TestCase(4, "yellow")]
    [TestCase(5, "yellow")]
    public void Beijing_popup_number_decides_the_level(int popup, string level)
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "popup-4.json", p => p["tcbh"] = popup));

        Assert.That(result.Record!.Code.Level.ToWire(), Is.EqualTo(level));
        Assert.That(result.Record.Code.SubStatus, Is.EqualTo($"popup-{popup}"));
        Assert.That(result.Record.Code.NativeLevel, Is.EqualTo("弹窗"));
    }

    [Test]
    public void Beijing_popup_2_is_red()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "popup-4.json", p => p["tcbh"] = 2));

        Assert.That(result.Record!.Code.Level, Is.EqualTo(RiskLevel.Red));
    }

    [Test]
    public void Beijing_tcbh_without_popup_is_rejected()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "green.json", p => p["tcbh"] = 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/tcbh" }));
    }

    [Test]
    public void Beijing_popup_without_tcbh_is_rejected()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "popup-4.json", p => p.Remove("tcbh")));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/tcbh" }));
        Assert.That(result.Errors["/tcbh"][0], Does.Contain("required"));
    }

    [Test]
    public void Beijing_popup_6_does_not_exist()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "popup-4.json", p => p["tcbh"] = 6));

        Assert.That(result.Errors["/tcbh"][0], Does.Contain("allowed: 1, 2, 3, 4, 5"));
    }

    [Test]
    public void Beijing_days_since_test_is_reported_as_informational()
    {
        var result = Shared.Normalize("110000", Shared.Fixture("110000", "green.json"));

        Assert.That(result.Warnings, Has.Exactly(1).Matches<NormalizationWarning>(w => w.Code == WarningCodes.FieldNotMapped && w.Field == "/hs/ts" && w.Message.Contains("display only")));
    }

    [Test]
    public void National_zt_is_informational()
    {
        var result = Shared.Normalize("000000", Shared.Fixture("000000", "green.json"));

        Assert.That(result.Warnings.Select(w => (w.Code, w.Field)), Is.EquivalentTo(new[] { (WarningCodes.FieldNotMapped, (string?)"/zt") }));
    }

    [Test]
    public void Shanghai_integer_color_is_carried_verbatim_as_native_level()
    {
        var result = Shared.Normalize("310000", Payloads.With("310000", "green.json", p => p["color"] = 1));

        Assert.That(result.Record!.Code.NativeLevel, Is.EqualTo("1"));
        Assert.That(result.Record.Code.Level, Is.EqualTo(RiskLevel.Yellow));
    }

    [Test]
    public void Shanghai_updatedAt_without_Z_is_rejected()
    {
        var result = Shared.Normalize("310000", Payloads.With("310000", "green.json", p => p["updatedAt"] = "2022-04-24T08:41:00+08:00"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/updatedAt" }));
    }

    [Test]
    public void Jiangsu_trip_code_0_leaves_risk_area_visit_absent()
    {
        var result = Shared.Normalize("320000", Payloads.With("320000", "green.json", p => p["tripCode"] = 0));

        Assert.That(result.Record!.Health?.Travel, Is.Null);
        Assert.That(result.Record.Code.SubStatus, Is.Null);
    }

    [Test]
    public void Jiangsu_trip_code_1_means_no_risk_area_visit()
    {
        var result = Shared.Normalize("320000", Payloads.With("320000", "green.json", p => p["tripCode"] = 1));

        Assert.That(result.Record!.Health!.Travel!.RiskAreaVisit, Is.False);
        Assert.That(result.Record.Code.SubStatus, Is.Null);
    }

    [Test]
    public void Jiangsu_trip_code_2_is_a_risk_area_visit_with_trip_star_and_keeps_the_level()
    {
        var result = Shared.Normalize("320000", Payloads.With("320000", "green.json", p => p["tripCode"] = 2));

        Assert.That(result.Record!.Health!.Travel!.RiskAreaVisit, Is.True);
        Assert.That(result.Record.Code.SubStatus, Is.EqualTo("trip-star"));
        Assert.That(result.Record.Code.Level, Is.EqualTo(RiskLevel.Green));
    }

    [Test]
    public void Jiangsu_update_time_is_unix_seconds()
    {
        var result = Shared.Normalize("320000", Payloads.With("320000", "green.json", p => p["updateTime"] = 0));

        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(DateTimeOffset.UnixEpoch));
    }

    [Test]
    public void Zhejiang_empty_refresh_time_uses_event_time_and_warns()
    {
        var eventTime = new DateTimeOffset(2022, 6, 8, 11, 0, 0, TimeSpan.Zero);
        var result = Shared.Normalize("330000", Payloads.With("330000", "red.json", p => p["refresh_time"] = ""), context: new NormalizationContext(Shared.Now, eventTime));

        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(eventTime));
        Assert.That(result.Warnings, Has.Exactly(1).Matches<NormalizationWarning>(w => w.Code == WarningCodes.StatusTimeMissing && w.Field == "/refresh_time"));
    }

    [Test]
    public void Zhejiang_absent_refresh_time_without_event_time_uses_now_and_warns()
    {
        var result = Shared.Normalize("330000", Payloads.With("330000", "red.json", p => p.Remove("refresh_time")));

        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(Shared.Now));
        Assert.That(result.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.StatusTimeMissing));
    }

    [Test]
    public void Zhejiang_city_code_outside_33_is_rejected()
    {
        var result = Shared.Normalize("330000", Payloads.With("330000", "green.json", p => p["city_code"] = "320100"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/city_code" }));
    }

    [Test]
    public void Zhejiang_init_is_unknown_under_review()
    {
        var result = Shared.Normalize("330000", Shared.Fixture("330000", "under-review.json"));

        Assert.That((result.Record!.Code.Level, result.Record.Code.SubStatus), Is.EqualTo((RiskLevel.Unknown, "under-review")));
    }

    [Test]
    public void Zhejiang_nat_times_are_unix_milliseconds()
    {
        var result = Shared.Normalize("330000", Shared.Fixture("330000", "green.json"));

        Assert.That(result.Record!.Health!.Nat!.SampledAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1654418520000)));
    }

    [Test]
    public void Hubei_99_is_grey_unknown()
    {
        var result = Shared.Normalize("420000", Payloads.With("420000", "green.json", p => p["healthyStatus"] = "99"));

        Assert.That((result.Record!.Code.Level, result.Record.Code.SubStatus, result.Record.Code.NativeLevel), Is.EqualTo((RiskLevel.Unknown, "grey", "99")));
    }

    [Test]
    public void Hubei_nat_code_0_is_positive()
    {
        var result = Shared.Normalize("420000", Payloads.With("420000", "green.json", p => p["hsjc"]!["hsjcjg"] = "0"));

        Assert.That(result.Record!.Health!.Nat!.Result, Is.EqualTo(NatResults.Positive));
    }

    [Test]
    public void Guangdong_report_date_means_midnight_CST()
    {
        var result = Shared.Normalize("440000", Shared.Fixture("440000", "green.json"));

        Assert.That(result.Record!.Health!.Nat!.ReportedAt, Is.EqualTo(new DateTimeOffset(2022, 8, 20, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.That(result.Record.Health.Nat.SampledAt, Is.Null);
    }

    [TestCase(0, "unknown", null)]
    [TestCase(1, "red", null)]
    [TestCase(2, "green", null)]
    [TestCase(3, "yellow", null)]
    [TestCase(4, "unknown", "invalid")]
    public void Guangdong_status_numbers_map_to_levels(int status, string level, string? subStatus)
    {
        var result = Shared.Normalize("440000", Payloads.With("440000", "green.json", p => p["healthCodeStatus"] = status));

        Assert.That((result.Record!.Code.Level.ToWire(), result.Record.Code.SubStatus, result.Record.Code.NativeLevel), Is.EqualTo((level, subStatus, status.ToString())));
    }

    [TestCase(2, "none")]
    [TestCase(3, "none")]
    [TestCase(0, "positive")]
    public void Guangdong_nat_codes(int code, string result)
    {
        var normalized = Shared.Normalize("440000", Payloads.With("440000", "green.json", p => p["hsjc"]!["result"] = code));

        Assert.That(normalized.Record!.Health!.Nat!.Result, Is.EqualTo(result));
    }

    [TestCase(15)]
    [TestCase(16)]
    public void Guangdong_cert_types_15_and_16_are_taiwan_permits(int certType)
    {
        var result = Shared.Normalize("440000", Payloads.With("440000", "green.json", p => { p["certType"] = certType; p["citizenId"] = "12345678"; }));

        Assert.That(result.Record!.Person.Document.Type, Is.EqualTo(DocumentTypes.TaiwanPermit));
    }

    [Test]
    public void Guangdong_display_only_fields_are_reported_as_informational()
    {
        var result = Shared.Normalize("440000", Shared.Fixture("440000", "green.json"));

        Assert.That(result.Warnings.Select(w => w.Field), Is.EquivalentTo(new[] { "/abnormalReason", "/hsjc/expiresInDays", "/vaccine/flag" }));
        Assert.That(result.Warnings.Select(w => w.Code), Is.All.EqualTo(WarningCodes.FieldNotMapped));
    }

    [Test]
    public void Chongqing_time_without_offset_means_CST()
    {
        var result = Shared.Normalize("500000", Shared.Fixture("500000", "red.json"));

        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(new DateTimeOffset(2022, 7, 19, 1, 9, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public void Chongqing_time_with_offset_is_rejected()
    {
        var result = Shared.Normalize("500000", Payloads.With("500000", "red.json", p => p["updateTime"] = "2022-07-19T01:09:00+08:00"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/updateTime" }));
    }

    [Test]
    public void Sichuan_levels_disagree_most_restrictive_wins()
    {
        var result = Shared.Normalize("510000", Payloads.With("510000", "green.json", p => p["txzt"] = "禁止"));

        Assert.That(result.Record!.Code.Level, Is.EqualTo(RiskLevel.Red));
        Assert.That(result.Record.Code.NativeLevel, Is.EqualTo("绿码"));
        Assert.That(result.Warnings, Has.Exactly(1).Matches<NormalizationWarning>(w => w.Code == WarningCodes.LevelsDisagree));
    }

    [Test]
    public void Sichuan_mase_more_restrictive_than_txzt_still_wins()
    {
        var result = Shared.Normalize("510000", Payloads.With("510000", "red.json", p => p["txzt"] = "通行"));

        Assert.That(result.Record!.Code.Level, Is.EqualTo(RiskLevel.Red));
        Assert.That(result.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.LevelsDisagree));
    }

    [Test]
    public void Sichuan_agreeing_levels_do_not_warn()
    {
        var result = Shared.Normalize("510000", Shared.Fixture("510000", "green.json"));

        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void Sichuan_sampling_time_uses_slashes()
    {
        var result = Shared.Normalize("510000", Payloads.With("510000", "green.json", p => p["hsjcsj"] = "2022-04-18 20:37:00"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/hsjcsj" }));
    }

    [Test]
    public void Shaanxi_xml_with_dtd_is_refused()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE HealthCode [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <HealthCode version="1.0"><CodeValue>&xxe;</CodeValue></HealthCode>
            """;

        var result = Shared.Normalize("610000", xml, "application/xml");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/!DOCTYPE" }));
        Assert.That(result.Errors["/!DOCTYPE"][0], Does.Contain("DTD"));
    }

    [Test]
    public void Shaanxi_billion_laughs_is_refused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <HealthCode>&lol2;</HealthCode>
            """;

        Assert.That(Shared.Normalize("610000", xml, "text/xml").Errors.Keys, Is.EquivalentTo(new[] { "/!DOCTYPE" }));
    }

    [Test]
    public void Shaanxi_wrong_root_element_is_rejected()
    {
        var xml = Shared.Fixture("610000", "green.xml").Replace("HealthCode", "Health");

        var result = Shared.Normalize("610000", xml, "application/xml");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.FailureDetail, Does.Contain("<HealthCode>"));
    }

    [Test]
    public void Shaanxi_not_generated_is_unknown()
    {
        var xml = Shared.Fixture("610000", "red.xml").Replace("<CodeStatus>R</CodeStatus>", "<CodeStatus>N</CodeStatus>");

        var result = Shared.Normalize("610000", xml, "text/xml; charset=utf-8");

        Assert.That((result.Record!.Code.Level, result.Record.Code.SubStatus), Is.EqualTo((RiskLevel.Unknown, "not-generated")));
    }

    [Test]
    public void Shaanxi_errors_are_keyed_by_the_path_below_the_root()
    {
        var xml = Shared.Fixture("610000", "red.xml").Replace("<IDType>01</IDType>", "<IDType>07</IDType>");

        var result = Shared.Normalize("610000", xml, "application/xml");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/Person/IDType" }));
    }

    [Test]
    public void Shaanxi_root_version_attribute_is_informational()
    {
        var result = Shared.Normalize("610000", Shared.Fixture("610000", "red.xml"), "application/xml");

        Assert.That(result.Warnings.Select(w => w.Field), Is.EquivalentTo(new[] { "/@version" }));
    }

    [Test]
    public void Hong_Kong_code_expires_at_23_59_59_HKT()
    {
        var result = Shared.Normalize("810000", Shared.Fixture("810000", "green.json"));

        Assert.That(result.Record!.Code.ValidUntil, Is.EqualTo(new DateTimeOffset(2022, 8, 23, 23, 59, 59, TimeSpan.FromHours(8))));
    }

    [Test]
    public void Hong_Kong_code_issued_just_before_midnight_expires_the_same_night()
    {
        var result = Shared.Normalize("810000", Payloads.With("810000", "green.json", p => p["issuedAt"] = "2022-08-23T15:59:00Z"));

        Assert.That(result.Record!.Code.ValidUntil, Is.EqualTo(new DateTimeOffset(2022, 8, 23, 15, 59, 59, TimeSpan.Zero)));
    }

    [Test]
    public void Hong_Kong_chinese_name_is_preferred()
    {
        var result = Shared.Normalize("810000", Shared.Fixture("810000", "green.json"));

        Assert.That(result.Record!.Person.Name, Is.EqualTo("刘洋"));
    }

    [Test]
    public void Hong_Kong_english_name_is_used_when_no_chinese_name()
    {
        var result = Shared.Normalize("810000", Payloads.With("810000", "green.json", p => p["holder"]!.AsObject().Remove("nameZh")));

        Assert.That(result.Record!.Person.Name, Is.EqualTo("CHAN TAI MAN"));
    }

    [Test]
    public void Hong_Kong_holder_without_any_name_is_rejected()
    {
        var result = Shared.Normalize("810000", Payloads.With("810000", "green.json", p => { p["holder"]!.AsObject().Remove("nameZh"); p["holder"]!.AsObject().Remove("nameEn"); }));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/holder/nameZh" }));
    }

    [Test]
    public void Hong_Kong_document_number_loses_its_brackets()
    {
        var result = Shared.Normalize("810000", Shared.Fixture("810000", "green.json"));

        Assert.That(result.Record!.Person.Document.Number, Is.EqualTo("G0140286"));
    }

    [Test]
    public void Macau_bir_loses_its_brackets_and_g28_is_carried_verbatim()
    {
        var result = Shared.Normalize("820000", Shared.Fixture("820000", "g28.json"));

        Assert.That((result.Record!.Person.Document.Number, result.Record.Code.SubStatus, result.Record.Code.Level), Is.EqualTo(("75233099", "g28", RiskLevel.Green)));
    }

    [Test]
    public void Document_numbers_with_full_width_brackets_and_spaces_are_normalized()
    {
        Assert.That(DocumentNumbers.Normalize(" g014 028（６） "), Is.EqualTo("G0140286"));
    }
}
