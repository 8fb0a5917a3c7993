using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>ProfileDraft: a profile that is not in the catalogue is compiled or explained, field by field, and never throws.</summary>
public sealed class ProfileDraftTests
{
    [Test]
    public void A_valid_draft_compiles_into_a_profile_the_normalizer_runs_like_a_catalogue_one()
    {
        var draft = ProfileDraft.Compile(Drafts.MadeUpRegion);

        var result = Shared.Normalizer.Normalize(draft.Profile!, Encoding.UTF8.GetBytes(Drafts.Payload), "application/json", Shared.Context);

        Assert.That(draft.Errors, Is.Empty);
        Assert.That((result.Record!.Code.Level, result.Record.Issuer), Is.EqualTo((RiskLevel.Yellow, "460000")));
    }

    [Test]
    public void A_draft_from_a_json_element_is_the_same_profile_as_from_its_text()
    {
        using var document = JsonDocument.Parse(Drafts.MadeUpRegion);

        var fromElement = ProfileDraft.Compile(document.RootElement).Profile!;
        var fromText = ProfileDraft.Compile(document.RootElement.GetRawText()).Profile!;

        Assert.That((fromElement.Id, fromElement.Hash), Is.EqualTo((fromText.Id, fromText.Hash)));
    }

    [TestCase("", "$")]
    [TestCase("not json", "$")]
    [TestCase("[1, 2]", "$")]
    [TestCase("null", "$")]
    [TestCase("{\"id\": \"460000\",}", "$")]
    [TestCase("{}", "id")]
    public void A_draft_that_is_not_a_profile_object_is_an_error_not_an_exception(string json, string path)
    {
        var result = ProfileDraft.Compile(json);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Paths(), Does.Contain(path));
    }

    [Test]
    public void A_deeply_nested_draft_is_an_error_not_a_stack_overflow()
    {
        var result = ProfileDraft.Compile("{\"fields\":" + new string('[', 5000) + new string(']', 5000) + "}");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "$" }));
    }

    [Test]
    public void A_draft_larger_than_the_limit_is_refused_unread()
    {
        var result = ProfileDraft.Compile("{\"name\":\"" + new string('x', ProfileDraft.MaxBytes) + "\"}");

        Assert.That(result.Errors.Single().Message, Does.Contain("larger than"));
    }

    [Test]
    public void A_schema_violation_names_the_field()
    {
        var result = Drafts.With(d => Drafts.Field(d, 0)["type"] = "text");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[0].type" }));
        Assert.That(result.Errors[0].Message, Does.Contain("string").And.Contain("integer"));
    }

    [Test]
    public void A_key_outside_the_profile_language_is_named()
    {
        var result = Drafts.With(d => Drafts.Field(d, 3)["colour"] = "red");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[3].colour" }));
    }

    [Test]
    public void A_missing_required_key_is_named()
    {
        var result = Drafts.With(d => d.Remove("codePattern"));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "codePattern" }));
    }

    [Test]
    public void Every_semantic_problem_is_reported_not_just_the_first()
    {
        var result = Drafts.With(d =>
        {
            d["timeZone"] = "Mars/Olympus";
            d["codePattern"] = "^HN[0-9";
            Drafts.Field(d, 2)["to"] = "person.fullName";
            Drafts.Field(d, 4)["time"] = "next tuesday";
        });

        Assert.That(result.Paths(), Is.SupersetOf(new[] { "timeZone", "codePattern", "fields[2].to", "fields[4].time" }));
    }

    [Test]
    public void An_unknown_canonical_field_in_a_map_is_named_down_to_the_entry()
    {
        var result = Drafts.With(d => Drafts.Field(d, 1)["map"]!["Y"] = new JsonObject { ["code.colour"] = "yellow" });

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[1].map.Y.code.colour" }));
    }

    [Test]
    public void A_key_written_twice_is_refused_at_the_repeated_key()
    {
        var json = Drafts.MadeUpRegion.Replace("\"G\": { \"code.level\": \"green\" },", "\"G\": { \"code.level\": \"green\" }, \"G\": { \"code.level\": \"red\" },");

        Assert.That(ProfileDraft.Compile(json).Paths(), Is.EqualTo(new[] { "fields[1].map.G" }));
    }

    [Test]
    public void Two_fields_with_the_same_path_are_refused()
    {
        var result = Drafts.With(d => d["fields"]!.AsArray().Add(new JsonObject { ["path"] = "/c", ["type"] = "string" }));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[5].path" }));
    }

    [Test]
    public void Two_fields_to_the_same_canonical_field_are_refused()
    {
        var result = Drafts.With(d => d["fields"]!.AsArray().Add(new JsonObject { ["path"] = "n2", ["type"] = "string", ["to"] = "person.name" }));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[5].to" }));
    }

    [Test]
    public void A_level_value_that_establishes_no_level_is_refused()
    {
        var result = Drafts.With(d => Drafts.Field(d, 1)["map"]!["X"] = new JsonObject());

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[1].map.X" }));
    }

    [Test]
    public void A_level_label_without_a_value_in_the_level_map_is_refused()
    {
        var result = Drafts.With(d => Drafts.Field(d, 1)["map"]!.AsObject().Remove("R"));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "labels.red" }));
        Assert.That(result.Errors[0].Message, Does.Contain("红码"));
    }

    [Test]
    public void An_integer_map_key_with_a_leading_zero_can_never_match_and_is_refused()
    {
        var result = Drafts.With(d => d["fields"]!.AsArray().Add(JsonNode.Parse("""{ "path": "k", "type": "integer", "map": { "01": {}, "2": {} } }""")));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[5].map.01" }));
    }

    [Test]
    public void A_catastrophically_backtracking_pattern_is_refused_within_a_second()
    {
        var watch = Stopwatch.StartNew();

        // The lookahead forces the backtracking engine; (H+)+ then explodes on a run of H that does not match.
        var result = Drafts.With(d => d["codePattern"] = "^(?=H)(H+)+$");

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(result.Paths(), Is.EqualTo(new[] { "codePattern" }));
        Assert.That(result.Errors[0].Message, Does.Contain("backtracks"));
    }

    [Test]
    public void A_nested_quantifier_without_lookarounds_runs_in_linear_time()
    {
        var profile = Drafts.With(d => d["codePattern"] = "^(H+)+N$").Profile!;
        var watch = Stopwatch.StartNew();

        var matches = profile.MatchesCode(new string('H', 100_000) + "!");

        Assert.That((matches, watch.Elapsed < TimeSpan.FromSeconds(1)), Is.EqualTo((false, true)));
    }

    [Test]
    public void A_regex_timeout_during_normalization_is_a_field_error_not_a_crash()
    {
        // The compile-time probe cannot try every input: this pattern explodes only on Hangul, which it does not try.
        var profile = Drafts.With(d => d["fields"]!.AsArray().Add(JsonNode.Parse("""{ "path": "note", "type": "string", "pattern": "^(?=.)([\\uac00-\\ud7a3]+)+$" }"""))).Profile!;
        var body = JsonNode.Parse(Drafts.Payload)!.AsObject();
        body["note"] = new string('가', 40) + "!";

        var result = Shared.Normalizer.Normalize(profile, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", Shared.Context);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors["/note"].Single(), Does.Contain("took too long"));
    }

    [Test]
    public void Version_comes_from_the_profile_and_hash_from_its_bytes()
    {
        var one = Drafts.With(d => d["version"] = "2024-05-01").Profile!;
        var other = Drafts.With(d => d["version"] = "2024-05-02").Profile!;

        Assert.That(one.Version, Is.EqualTo("2024-05-01"));
        Assert.That(one.Hash, Does.Match("^[0-9a-f]{16}$"));
        Assert.That(other.Hash, Is.Not.EqualTo(one.Hash));
        Assert.That(ProfileDraft.Compile(Drafts.MadeUpRegion).Profile!.Version, Is.Null);
    }

    [Test]
    public void A_region_without_a_FHIR_CodeSystem_gets_a_warning_not_an_error()
    {
        var draft = ProfileDraft.Compile(Drafts.MadeUpRegion);

        var warnings = FhirCodeSystemCheck.Warnings(draft.Profile!, new Dictionary<string, string>());

        Assert.That(draft.Succeeded, Is.True);
        Assert.That(warnings.Single().Message, Does.Contain("CodeSystem-native-level-460000.json"));
    }

    [Test]
    public void Every_shipped_region_has_a_FHIR_CodeSystem_with_every_native_level()
    {
        var fhir = Directory.GetFiles(Path.Combine(TestPaths.Schemas, "fhir"), "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        var warnings = Shared.Catalog.All.SelectMany(p => FhirCodeSystemCheck.Warnings(p, fhir).Select(w => $"{p.Id} {w.Path}: {w.Message}"));

        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void A_native_level_missing_from_the_FHIR_CodeSystem_is_named()
    {
        var profile = Shared.Profile("320000");
        var codeSystem = File.ReadAllText(Path.Combine(TestPaths.Schemas, "fhir", "CodeSystem-native-level-320000.json")).Replace("\"code\": \"red\"", "\"code\": \"crimson\"");

        var warnings = FhirCodeSystemCheck.Warnings(profile, new Dictionary<string, string> { ["CodeSystem-native-level-320000.json"] = codeSystem });

        Assert.That(warnings.Select(w => w.Path), Is.EqualTo(new[] { "fields[1].map.red" }));
    }

    public static IEnumerable<TestCaseData> Replacements() =>
        new[] { "null", "0", "-1", "1.5", "1e400", "\"\"", "\"x\"", "true", "[]", "{}", "[{}]", "{\"a\":[]}" }.Select(v => new TestCaseData(v).SetName($"Any_value_of_a_draft_replaced_by_{v}_gives_errors_not_exceptions"));

    [TestCaseSource(nameof(Replacements))]
    public void Any_value_replaced_gives_errors_not_exceptions(string replacement)
    {
        foreach (var source in new[] { Drafts.MadeUpRegion, MadeUpRegions.ProfileText("340000"), MadeUpRegions.ProfileText("150000") })
        {
            var paths = new List<object[]>();
            Walk(JsonNode.Parse(source)!, [], paths);
            foreach (var path in paths)
            {
                var draft = JsonNode.Parse(source)!;
                var parent = path[..^1].Aggregate(draft, (node, step) => step is int i ? node[i]! : node[(string)step]!);
                if (path[^1] is int index)
                {
                    parent[index] = JsonNode.Parse(replacement);
                }
                else
                {
                    parent[(string)path[^1]] = JsonNode.Parse(replacement);
                }

                Assert.DoesNotThrow(() => ProfileDraft.Compile(draft.ToJsonString()), string.Join("/", path));
            }
        }
    }

    /// <summary>Every value's path, as keys and indexes.</summary>
    private static void Walk(JsonNode node, object[] path, List<object[]> into)
    {
        var children = node switch
        {
            JsonObject o => o.Select(p => ((object)p.Key, p.Value)).ToList(),
            JsonArray a => a.Select((v, i) => ((object)i, v)).ToList(),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] childPath = [.. path, step];
            into.Add(childPath);
            if (child is not null)
            {
                Walk(child, childPath, into);
            }
        }
    }
}
