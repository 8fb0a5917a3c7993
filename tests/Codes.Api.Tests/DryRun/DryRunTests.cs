using System.Text.Json.Nodes;
using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

public sealed class DryRunTests : DevelopmentHostTests
{
    public static IEnumerable<string> Regions() => Fixtures.All().Select(Fixtures.Region).Distinct();

    [TestCaseSource(nameof(Regions))]
    public async Task Every_shipped_sample_of_a_region_meets_its_expected_record_in_one_dry_run(string region)
    {
        var samples = Fixtures.All().Where(f => Fixtures.Region(f) == region).ToList();
        var request = ForRegion(region, samples.Select(f =>
        {
            var sample = Sample(f);
            sample["expected"] = Expected(f);
            return sample;
        }).ToArray());

        var answer = await RunAsync(Client, request);

        Assert.That(answer.GetProperty("profileErrors").GetArrayLength(), Is.Zero);
        var mismatched = answer.GetProperty("samples").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("mismatches").EnumerateArray().Select(m => m.GetProperty("field").GetString()).ToList());
        Assert.That(mismatched.Keys, Is.EqualTo(samples));
        foreach (var (name, fields) in mismatched)
            Assert.That(fields, Is.Empty, name);
        Assert.That(answer.GetProperty("summary").ToString(),
            Is.EqualTo($$"""{"samples":{{samples.Count}},"normalized":{{samples.Count}},"invalid":0,"mismatched":0}"""));
    }

    [Test]
    public async Task A_sample_answers_its_record_and_warnings_and_no_fhir_unless_asked()
    {
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("110000/green.json"))));

        Assert.That(sample.GetProperty("record").GetProperty("code").GetProperty("level").GetString(), Is.EqualTo("green"));
        var warning = sample.GetProperty("warnings").EnumerateArray().Single();
        Assert.That((warning.GetProperty("code").GetString(), warning.GetProperty("field").GetString()), Is.EqualTo(("field-not-mapped", "/hs/ts")));
        Assert.That(sample.GetProperty("errors").EnumerateObject(), Is.Empty);
        Assert.That(sample.TryGetProperty("fhir", out _), Is.False);
        Assert.That(sample.TryGetProperty("verify", out _), Is.False);
    }

    [Test]
    public async Task Fhir_true_on_the_request_or_on_a_sample_includes_the_bundle()
    {
        var request = ForRegion("110000", Sample("110000/green.json"));
        request["fhir"] = true;
        var perRequest = OnlySample(await RunAsync(Client, request));
        var onSample = Sample("110000/green.json");
        onSample["fhir"] = true;
        var perSample = OnlySample(await RunAsync(Client, ForRegion("110000", onSample)));

        Assert.That(perRequest.GetProperty("fhir").GetProperty("resourceType").GetString(), Is.EqualTo("Bundle"));
        Assert.That(perSample.GetProperty("fhir").GetProperty("resourceType").GetString(), Is.EqualTo("Bundle"));
    }

    [Test]
    public async Task Expected_values_the_record_does_not_have_are_mismatches_with_the_actual_value()
    {
        var sample = Sample("110000/green.json");
        sample["expected"] = new JsonObject
        {
            ["code.level"] = "red",
            ["code.statusAt"] = "2022-05-08T14:34:00+08:00",
            ["health.travel.riskAreaVisit"] = true,
        };

        var answer = await RunAsync(Client, ForRegion("110000", sample));

        var mismatches = OnlySample(answer).GetProperty("mismatches").EnumerateArray()
            .Select(m => (m.GetProperty("field").GetString(), m.GetProperty("expected").ToString(), m.GetProperty("actual").ToString())).ToList();
        // statusAt agrees as an instant although spelled with +08:00; a field the record lacks has actual null.
        Assert.That(mismatches, Is.EqualTo(new[] { ("code.level", "red", "green"), ("health.travel.riskAreaVisit", "True", "") }));
        Assert.That(answer.GetProperty("summary").GetProperty("mismatched").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_broken_sample_reports_its_errors_by_native_pointer_and_counts_as_invalid()
    {
        var broken = Body("110000/green.json").Replace("未见异常", "弹窗", StringComparison.Ordinal);
        var answer = await RunAsync(Client, ForRegion("110000", Sample("110000/green.json"), Sample("110000/green.json", broken)));

        var sample = answer.GetProperty("samples")[1];
        Assert.That(sample.GetProperty("record").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(sample.GetProperty("errors").GetProperty("/tcbh")[0].GetString(), Does.Contain("required when /zt is 弹窗"));
        Assert.That(answer.GetProperty("summary").ToString(), Is.EqualTo("""{"samples":2,"normalized":1,"invalid":1,"mismatched":0}"""));
    }

    [Test]
    public async Task A_sample_in_another_format_than_the_regions_is_a_sample_error_on_the_whole_payload()
    {
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("610000/green.xml"))));

        Assert.That(sample.GetProperty("errors").GetProperty("")[0].GetString(), Does.Contain("application/json"));
    }

    [Test]
    public async Task A_sample_payload_over_64_KiB_is_a_sample_error_like_a_native_payload()
    {
        var big = Body("110000/green.json") + new string(' ', 64 * 1024);
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("110000/green.json", big))));

        Assert.That(sample.GetProperty("errors").GetProperty("")[0].GetString(), Does.Contain("65536 bytes"));
    }

    [Test]
    public async Task Verify_accepts_a_fresh_green_record_at_a_checkpoint_of_its_region()
    {
        var at = BeijingGreenStatusAt.AddHours(1);
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("110000/green.json").WithCheckpoint("110105", "general", at))));

        var verify = sample.GetProperty("verify");
        Assert.That(verify.GetProperty("decision").GetString(), Is.EqualTo("accept"));
        Assert.That(verify.GetProperty("reasons").EnumerateArray(), Is.Empty);
        Assert.That(verify.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo("110000"));
        Assert.That(verify.GetProperty("at").GetDateTimeOffset(), Is.EqualTo(at));
    }

    [TestCase("110000/red.json", "110105", "general", 1, "deny", "level-red")]
    [TestCase("110000/green.json", "110105", "general", 48, "manual", "stale-status")]
    public async Task Verify_decides_as_the_checkpoints_policy_would_at_the_given_time(
        string fixture, string region, string scene, int hoursAfterStatus, string decision, string reason)
    {
        var statusAt = DateTimeOffset.Parse(Expected(fixture)["code.statusAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample(fixture).WithCheckpoint(region, scene, statusAt.AddHours(hoursAfterStatus)))));

        var verify = sample.GetProperty("verify");
        Assert.That(verify.GetProperty("decision").GetString(), Is.EqualTo(decision));
        Assert.That(verify.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Does.Contain(reason));
    }

    [Test]
    public async Task Verify_applies_the_scenes_requirements_of_the_policy()
    {
        // Beijing transport needs a negative NAT sampled within 72 h; this one was sampled a week before the status.
        var oldTest = Body("110000/green.json").Replace("2022-05-07 08:34", "2022-05-01 08:34", StringComparison.Ordinal);
        var at = BeijingGreenStatusAt.AddHours(1);
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("110000/green.json", oldTest).WithCheckpoint("110105", "transport", at))));

        var verify = sample.GetProperty("verify");
        Assert.That(verify.GetProperty("decision").GetString(), Is.EqualTo("deny"));
        Assert.That(verify.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "nat-required" }));
    }

    [Test]
    public async Task Verify_defaults_to_now_so_a_two_year_old_sample_is_stale()
    {
        var sample = Sample("110000/green.json");
        sample["checkpoint"] = new JsonObject { ["region"] = "110105", ["scene"] = "general" };

        var verify = OnlySample(await RunAsync(Client, ForRegion("110000", sample))).GetProperty("verify");

        Assert.That(verify.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That(verify.GetProperty("at").GetDateTimeOffset(), Is.EqualTo(Factory.Clock.GetUtcNow()));
    }

    [TestCase("990100", "general", "checkpoint.region")]
    [TestCase("11010", "general", "checkpoint.region")]
    [TestCase("110105", "airport", "checkpoint.scene")]
    public async Task An_unknown_checkpoint_is_a_sample_error_and_the_record_still_shows(string region, string scene, string field)
    {
        var sample = OnlySample(await RunAsync(Client, ForRegion("110000",
            Sample("110000/green.json").WithCheckpoint(region, scene, BeijingGreenStatusAt))));

        Assert.That(ErrorKeys(sample), Is.EqualTo(new[] { field }));
        Assert.That(sample.TryGetProperty("verify", out _), Is.False);
        Assert.That(sample.GetProperty("record").GetProperty("issuer").GetString(), Is.EqualTo("110000"));
    }
}
