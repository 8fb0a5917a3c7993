using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>
/// docs/profile-language.md is a reference, so it must be true and complete: every example is a fragment of the tested
/// file its comment names, and every key, enum value and time format of the language is documented.
/// </summary>
public sealed partial class ProfileLanguageDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "profile-language.md"));

    [GeneratedRegex(@"(?:<!-- from: (?<file>[^ ]+) -->\s*\n)?```(?<lang>json|xml)\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Blocks();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    public static IEnumerable<TestCaseData> Examples() =>
        Blocks().Matches(Doc).Select((m, i) => new TestCaseData(m.Groups["file"].Value, m.Groups["lang"].Value, m.Groups["body"].Value)
            .SetName($"Doc_example_{i + 1:00}_is_a_fragment_of_{(m.Groups["file"].Success ? Path.GetFileName(m.Groups["file"].Value) : "no_file")}"));

    [TestCaseSource(nameof(Examples))]
    public void Every_example_is_a_fragment_of_the_tested_file_it_names(string file, string language, string body)
    {
        Assert.That(file, Is.Not.Empty, "an example without <!-- from: file --> is not tested");
        var path = Path.Combine(TestPaths.Root, file.StartsWith("tests/", StringComparison.Ordinal) ? file["tests/".Length..] : file);
        var text = File.ReadAllText(path);

        if (language == "xml")
        {
            Assert.That(Squash(text), Does.Contain(Squash(body)));
        }
        else
        {
            Assert.That(Contains(JsonNode.Parse(text), JsonNode.Parse(body)), Is.True, $"not found in {file}: {body}");
        }
    }

    [Test]
    public void The_doc_has_examples_from_every_made_up_region()
    {
        var files = Blocks().Matches(Doc).Select(m => m.Groups["file"].Value).ToHashSet();

        foreach (var region in Directory.GetDirectories(MadeUpRegions.Root).Select(Path.GetFileName))
        {
            Assert.That(files, Has.Some.StartsWith($"tests/fixtures/made-up-regions/{region}/"), region);
        }
    }

    [Test]
    public void Every_key_and_enum_value_of_the_schema_is_documented()
    {
        var prose = Blocks().Replace(Doc, string.Empty);
        var documented = Code().Matches(prose).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        using var schema = JsonDocument.Parse(File.ReadAllText(TestPaths.ProfileSchema));
        var words = new SortedSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, words);

        Assert.That(words.Where(w => !documented.Contains(w)), Is.Empty);
    }

    [Test]
    public void Every_named_time_format_is_documented()
    {
        string[] named = [TimeReader.Iso8601Offset, TimeReader.Iso8601Utc, TimeReader.Iso8601Local, TimeReader.UnixSeconds, TimeReader.UnixMilliseconds];

        Assert.That(named.Where(f => !Doc.Contains($"| `{f}` |", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>Property names (under "properties") and enum values anywhere in the schema.</summary>
    private static void Collect(JsonElement element, ISet<string> words)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, words);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "properties")
            {
                words.UnionWith(property.Value.EnumerateObject().Select(p => p.Name));
            }
            else if (property.Name == "enum")
            {
                words.UnionWith(property.Value.EnumerateArray().Select(v => v.GetString()!));
            }

            Collect(property.Value, words);
        }
    }

    /// <summary>Whether <paramref name="fragment"/> matches some node of <paramref name="document"/>: objects by a subset of their keys, arrays by a subset of their items.</summary>
    private static bool Contains(JsonNode? document, JsonNode? fragment) =>
        Matches(document, fragment) || document switch
        {
            JsonObject o => o.Any(p => Contains(p.Value, fragment)),
            JsonArray a => a.Any(i => Contains(i, fragment)),
            _ => false,
        };

    private static bool Matches(JsonNode? node, JsonNode? fragment) => (node, fragment) switch
    {
        (JsonObject o, JsonObject f) => f.All(p => o.TryGetPropertyValue(p.Key, out var v) && Matches(v, p.Value)),
        (JsonArray a, JsonArray f) => f.All(i => a.Any(x => Matches(x, i))),
        (JsonValue v, JsonValue f) => JsonNode.DeepEquals(v, f),
        _ => false,
    };

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
