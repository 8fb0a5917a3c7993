using System.Diagnostics;
using System.Text.Json.Nodes;
using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

public sealed class DryRunDraftTests : DevelopmentHostTests
{
    private static IReadOnlyList<(string Path, string Message)> ProfileErrors(JsonElement answer) =>
        answer.GetProperty("profileErrors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    [Test]
    public async Task A_valid_draft_normalizes_like_the_active_profile()
    {
        var sample = Sample("110000/green.json");
        sample["expected"] = Expected("110000/green.json");

        var answer = await RunAsync(Client, ForDraft(Profile("110000"), sample));

        Assert.That(answer.GetProperty("profileErrors").GetArrayLength(), Is.Zero);
        Assert.That(answer.GetProperty("summary").ToString(), Is.EqualTo("""{"samples":1,"normalized":1,"invalid":0,"mismatched":0}"""));
    }

    [Test]
    public async Task A_draft_for_a_region_not_yet_loaded_runs_too()
    {
        var draft = Profile("110000");
        draft["id"] = "120000";
        draft["name"] = "天津健康码";

        var sample = OnlySample(await RunAsync(Client, ForDraft(draft, Sample("110000/green.json"))));

        Assert.That(sample.GetProperty("record").GetProperty("issuer").GetString(), Is.EqualTo("120000"));
    }

    [Test]
    public async Task A_draft_for_a_region_without_a_FHIR_CodeSystem_runs_with_a_warning_naming_the_missing_file()
    {
        var draft = Profile("110000");
        draft["id"] = "120000";

        var answer = await RunAsync(Client, ForDraft(draft, Sample("110000/green.json")));

        var warning = answer.GetProperty("profileWarnings").EnumerateArray().Single();
        Assert.That(warning.GetProperty("path").GetString(), Is.EqualTo("id"));
        Assert.That(warning.GetProperty("message").GetString(), Does.Contain("CodeSystem-native-level-120000.json"));
        Assert.That(answer.GetProperty("summary").GetProperty("normalized").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_shipped_region_with_its_FHIR_CodeSystem_has_no_profile_warnings()
    {
        var answer = await RunAsync(Client, ForRegion("110000", Sample("110000/green.json")));

        Assert.That(answer.GetProperty("profileWarnings").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_draft_field_naming_no_canonical_field_is_a_profile_error_naming_fields_3_to()
    {
        var draft = Profile("110000");
        draft["fields"]![3]!["to"] = "person.passportNumber";

        var answer = await RunAsync(Client, ForDraft(draft, Sample("110000/green.json")));

        var error = ProfileErrors(answer).Single();
        Assert.That(error.Path, Is.EqualTo("fields[3].to"));
        Assert.That(error.Message, Does.Contain("not a canonical field"));
        // No sample runs with a draft that does not compile.
        Assert.That(answer.GetProperty("samples").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_draft_that_fails_the_profile_schema_names_every_field()
    {
        var draft = Profile("110000");
        draft.Remove("codePattern");
        draft["fields"]![0]!["type"] = "text";

        var paths = ProfileErrors(await RunAsync(Client, ForDraft(draft, Sample("110000/green.json")))).Select(e => e.Path);

        Assert.That(paths, Is.EquivalentTo(new[] { "codePattern", "fields[0].type" }));
    }

    [TestCase("codePattern", "([a-z")]
    [TestCase("timeZone", "Asia/Atlantis")]
    [TestCase("maxStatusAge", "P")]
    public async Task A_draft_value_the_compiler_refuses_is_a_profile_error_naming_it(string field, string value)
    {
        var draft = Profile("110000");
        draft[field] = value;

        var error = ProfileErrors(await RunAsync(Client, ForDraft(draft, Sample("110000/green.json")))).Single();

        Assert.That(error.Path, Is.EqualTo(field));
    }

    [TestCase("[]")]
    [TestCase("\"110000\"")]
    public async Task A_draft_that_is_not_an_object_is_a_profile_error_not_a_500(string profile)
    {
        var request = ForDraft(new JsonObject(), Sample("110000/green.json"));
        request["profile"] = JsonNode.Parse(profile);

        var error = ProfileErrors(await RunAsync(Client, request)).Single();

        Assert.That(error.Path, Is.EqualTo("$"));
    }

    [Test]
    public async Task Verify_takes_the_draft_as_the_issuers_profile()
    {
        // The active Beijing profile keeps a status 24 h; the draft only 1 h, so two hours on it is stale.
        var draft = Profile("110000");
        draft["maxStatusAge"] = "PT1H";
        var at = BeijingGreenStatusAt.AddHours(2);

        var active = OnlySample(await RunAsync(Client, ForRegion("110000", Sample("110000/green.json").WithCheckpoint("110105", "general", at))));
        var drafted = OnlySample(await RunAsync(Client, ForDraft(draft, Sample("110000/green.json").WithCheckpoint("110105", "general", at))));

        Assert.That(active.GetProperty("verify").GetProperty("decision").GetString(), Is.EqualTo("accept"));
        Assert.That(drafted.GetProperty("verify").GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That(drafted.GetProperty("verify").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Does.Contain("stale-status"));
    }

    /// <summary>
    /// "(a+)+$" backtracks exponentially on "aaaa…!". Today every match runs with a 100 ms timeout and a timed-out
    /// match counts as no match, so the code is refused as not matching the pattern (an error on /mz). Once the
    /// translator's ProfileDraft compiles drafts, it may refuse the pattern up front instead: a profileError at
    /// codePattern. Either way: refused, no record, and an answer in bounded time.
    /// </summary>
    [Test]
    public async Task A_catastrophic_code_pattern_is_refused_in_bounded_time_not_hung()
    {
        var draft = Profile("110000");
        draft["codePattern"] = "^(a+)+$";
        var payload = JsonNode.Parse(Body("110000/green.json"))!;
        payload["mz"] = new string('a', 40) + "!";
        var samples = Enumerable.Range(0, 5).Select(_ => Sample("110000/green.json", payload.ToJsonString())).ToArray();

        var clock = Stopwatch.StartNew();
        var answer = await RunAsync(Client, ForDraft(draft, samples));
        clock.Stop();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        var refusedUpFront = ProfileErrors(answer).Any(e => e.Path == "codePattern");
        var refusedPerSample = answer.GetProperty("samples").EnumerateArray().Any()
                               && answer.GetProperty("samples").EnumerateArray().All(s =>
                                   s.GetProperty("record").ValueKind == JsonValueKind.Null && ErrorKeys(s).Contains("/mz"));
        Assert.That(refusedUpFront || refusedPerSample, Is.True, answer.ToString());
    }
}
