using System.Text;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>Rules that hold for every region: media types, parsing limits, types, enums, times, error keys, validation.</summary>
public sealed class NormalizerTests
{
    [Test]
    public void Unknown_region_has_no_profile_to_normalize_with()
    {
        Assert.That(Shared.Catalog.Find("999999"), Is.Null);
    }

    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/json; charset=gbk")]
    public void Wrong_or_missing_content_type_is_unsupported(string? contentType)
    {
        var result = Shared.Normalizer.Normalize(Shared.Profile("110000"), Encoding.UTF8.GetBytes(Shared.Fixture("110000", "green.json")), contentType, Shared.Context);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.UnsupportedMediaType));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON")]
    public void Json_content_type_with_charset_or_other_case_is_accepted(string contentType)
    {
        var result = Shared.Normalize("110000", Shared.Fixture("110000", "green.json"), contentType);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Json_content_type_for_an_xml_region_is_unsupported()
    {
        Assert.That(Shared.Normalize("610000", Shared.Fixture("610000", "green.xml")).Failure, Is.EqualTo(FailureKind.UnsupportedMediaType));
    }

    [TestCase("{")]
    [TestCase("[1,2]")]
    [TestCase("not json")]
    [TestCase("{\"mz\":\"a\",\"mz\":\"b\"}")]
    public void Malformed_json_is_malformed(string body)
    {
        Assert.That(Shared.Normalize("110000", body).Failure, Is.EqualTo(FailureKind.Malformed));
    }

    [Test]
    public void Too_deep_json_is_malformed()
    {
        var deep = new string('[', 40) + new string(']', 40);

        Assert.That(Shared.Normalize("110000", "{\"x\":" + deep + "}").Failure, Is.EqualTo(FailureKind.Malformed));
    }

    [Test]
    public void Wrong_type_names_the_field()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "popup-4.json", p => p["tcbh"] = "4"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/tcbh" }));
        Assert.That(result.Errors["/tcbh"][0], Does.Contain("integer"));
    }

    [Test]
    public void Number_where_a_string_is_required_names_the_field()
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "red.json", p => p["zjlx"] = 1));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/zjlx" }));
    }

    [Test]
    public void Unknown_enum_value_names_the_field()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "green.json", p => p["hs"]!["jg"] = "阴"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/hs/jg" }));
        Assert.That(result.Errors["/hs/jg"][0], Does.Contain("阴性, 阳性, 无记录"));
    }

    [Test]
    public void Error_messages_quote_at_most_64_characters_of_a_value()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "green.json", p => p["hs"]!["jg"] = new string('A', 60_000)));

        Assert.That(result.Errors["/hs/jg"][0], Does.Contain("'" + new string('A', 64) + "…' (60000 characters)"));
        Assert.That(result.Errors["/hs/jg"][0].Length, Is.LessThan(200));
    }

    [Test]
    public void Unknown_document_type_names_the_nested_field()
    {
        var result = Shared.Normalize("310000", Payloads.With("310000", "green.json", p => p["holder"]!["idType"] = 9));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/holder/idType" }));
    }

    [Test]
    public void Missing_required_field_names_it()
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "red.json", p => p.Remove("ys")));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/ys" }));
    }

    [Test]
    public void Every_bad_field_is_reported_not_only_the_first()
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "red.json", p => { p.Remove("ys"); p["zjlx"] = "77"; p["gxsj"] = "yesterday"; }));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/ys", "/zjlx", "/gxsj" }));
    }

    [TestCase("000000", "green.json", "hsjc/cysj", "2022-02-30 10:00:00")]
    [TestCase("420000", "green.json", "gxsj", "20220230100000")]
    [TestCase("110000", "green.json", "gxsj", "2022-02-30T10:00:00+08:00")]
    [TestCase("440000", "green.json", "hsjc/reportDate", "2022-13-01")]
    public void Impossible_time_is_rejected(string region, string fixture, string path, string value)
    {
        var parts = path.Split('/');
        var body = Payloads.With(region, fixture, p =>
        {
            System.Text.Json.Nodes.JsonNode node = p;
            foreach (var part in parts[..^1])
            {
                node = node[part]!;
            }

            node[parts[^1]] = value;
        });

        var result = Shared.Normalize(region, body);

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/" + path }));
    }

    [Test]
    public void Code_value_outside_the_region_pattern_is_rejected_on_the_code_field()
    {
        var result = Shared.Normalize("110000", Payloads.With("110000", "green.json", p => p["mz"] = "BJ-nothex"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/mz" }));
    }

    [Test]
    public void Resident_id_with_wrong_check_digit_is_rejected()
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "green.json", p => p["zjhm"] = "110101195908203504"));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/zjhm" }));
        Assert.That(result.Errors["/zjhm"][0], Does.Contain("check character"));
    }

    [Test]
    public void Resident_id_with_impossible_birth_date_is_rejected()
    {
        Assert.That(ResidentIdProblem("110101199902301234"), Does.Contain("birth date"));
    }

    [Test]
    public void Resident_id_of_wrong_length_is_rejected()
    {
        Assert.That(ResidentIdProblem("11010119590820350"), Does.Contain("18"));
    }

    [Test]
    public void Resident_id_check_error_on_a_constant_typed_region_lands_on_the_number_field()
    {
        var result = Shared.Normalize("320000", Payloads.With("320000", "green.json", p => p["idCard"] = "320102199610012848"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/idCard" }));
    }

    [Test]
    public void Lower_case_x_check_character_is_accepted_after_normalization()
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "red.json", p => p["zjhm"] = "11010119590818383x"));

        Assert.That(result.Record!.Person.Document.Number, Is.EqualTo("11010119590818383X"));
    }

    [Test]
    public void Hkid_with_wrong_check_digit_is_rejected()
    {
        var result = Shared.Normalize("810000", Payloads.With("810000", "green.json", p => p["holder"]!["documentNumber"] = "G014028(7)"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/holder/documentNumber" }));
    }

    [TestCase("A123456(3)")]
    [TestCase("G014028(6)")]
    [TestCase("A510827(9)")]
    public void Hkid_with_correct_check_digit_is_accepted(string number)
    {
        var result = Shared.Normalize("810000", Payloads.With("810000", "green.json", p => p["holder"]!["documentNumber"] = number));

        Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    [Test]
    public void Two_letter_hkid_check_digit_is_computed_with_both_letters()
    {
        var check = Validation.HongKongIds.CheckDigit("AB987654");

        Assert.That(Validation.HongKongIds.Problem("AB987654" + check), Is.Null);
        Assert.That(Validation.HongKongIds.Problem("AB987654" + (check == '0' ? '1' : '0')), Is.Not.Null);
    }

    [Test]
    public void Status_time_more_than_five_minutes_in_the_future_is_rejected()
    {
        var issued = new DateTimeOffset(2022, 5, 8, 14, 34, 0, TimeSpan.FromHours(8));
        var result = Shared.Normalize("110000", Shared.Fixture("110000", "green.json"), context: new NormalizationContext(issued - TimeSpan.FromMinutes(6)));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/gxsj" }));
    }

    [Test]
    public void Status_time_within_five_minutes_of_now_is_accepted()
    {
        var issued = new DateTimeOffset(2022, 5, 8, 14, 34, 0, TimeSpan.FromHours(8));
        var result = Shared.Normalize("110000", Shared.Fixture("110000", "green.json"), context: new NormalizationContext(issued - TimeSpan.FromMinutes(4)));

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Validator_uses_its_clock_when_no_now_is_given()
    {
        var record = Shared.Normalize("110000", Shared.Fixture("110000", "green.json")).Record!;
        var clock = new ManualClock(record.Code.StatusAt - TimeSpan.FromHours(1));
        var validator = new Validation.CanonicalRecordValidator(clock);

        Assert.That(validator.Validate(record).IsValid, Is.False);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.That(validator.Validate(record).IsValid, Is.True);
    }

    [TestCase(21, false)]
    [TestCase(-1, false)]
    [TestCase(20, true)]
    public void Vaccine_doses_must_be_0_to_20(int doses, bool valid)
    {
        var result = Shared.Normalize("000000", Payloads.With("000000", "green.json", p => p["ymjz"] = doses));

        Assert.That(result.Succeeded, Is.EqualTo(valid));
        if (!valid)
        {
            Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/ymjz" }));
        }
    }

    [Test]
    public void Nationality_must_be_alpha_3()
    {
        var record = Shared.Normalize("000000", Shared.Fixture("000000", "red.json")).Record!;
        var validator = new Validation.CanonicalRecordValidator();

        Assert.That(validator.Validate(record with { Person = record.Person with { Nationality = "CN" } }).IsValid, Is.False);
        Assert.That(validator.Validate(record with { Person = record.Person with { Nationality = "CHN" } }).IsValid, Is.True);
    }

    [Test]
    public void Valid_until_before_status_time_is_rejected()
    {
        var record = Shared.Normalize("000000", Shared.Fixture("000000", "red.json")).Record!;
        var broken = record with { Code = record.Code with { ValidUntil = record.Code.StatusAt.AddSeconds(-1) } };

        var result = new Validation.CanonicalRecordValidator().Validate(broken);

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { CanonicalFields.CodeValidUntil }));
    }

    [Test]
    public void Unknown_payload_field_is_warned_about_by_path()
    {
        var result = Shared.Normalize("310000", Payloads.With("310000", "red.json", p => p["holder"]!["nickname"] = "x"));

        Assert.That(result.Warnings, Has.Exactly(1).Matches<NormalizationWarning>(w => w.Code == WarningCodes.FieldNotMapped && w.Field == "/holder/nickname"));
    }

    [Test]
    public void Read_code_value_reads_only_the_code()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.With("110000", "green.json", p => { p.Remove("zt"); p["hs"]!["jg"] = "?"; }));

        var result = Shared.Normalizer.ReadCodeValue(Shared.Profile("110000"), body, "application/json");

        Assert.That((result.Code, result.Failure), Is.EqualTo(("BJ-EBD659B33BC0AF834476", FailureKind.None)));
    }

    [Test]
    public void Read_code_value_reads_xml()
    {
        var result = Shared.Normalizer.ReadCodeValue(Shared.Profile("610000"), Encoding.UTF8.GetBytes(Shared.Fixture("610000", "red.xml")), "application/xml");

        Assert.That(result.Code, Is.EqualTo("SX770879132A0E47DDCB"));
    }

    [Test]
    public void Read_code_value_rejects_a_code_outside_the_pattern()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.With("110000", "green.json", p => p["mz"] = "nope"));

        var result = Shared.Normalizer.ReadCodeValue(Shared.Profile("110000"), body, "application/json");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/mz" }));
    }

    [Test]
    public void Levels_are_ordered_by_restrictiveness()
    {
        Assert.That(new[] { RiskLevel.Green, RiskLevel.Yellow, RiskLevel.Red, RiskLevel.Unknown }, Is.Ordered);
    }

    private static string? ResidentIdProblem(string number) => Validation.ResidentIds.Problem(number);
}
