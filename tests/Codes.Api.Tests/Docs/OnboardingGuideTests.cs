using System.Text.Json.Nodes;

namespace HealthCode.Api.Tests.Docs;

/// <summary>
/// docs/onboarding.md on the service: the dry run it sends answers what it shows, and a data folder holding the new
/// region's files (step 10) serves that region. The guide's files and CLI outputs are checked in Codes.Cli.Tests.
/// </summary>
public sealed class OnboardingGuideTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "fixtures", "onboarding", "460000");

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Example, relative));

    /// <summary>The request the guide's jq builds: the draft profile, the green sample, the green vector's expected values and clock.</summary>
    private static JsonObject GuideDryRunRequest()
    {
        var vector = JsonNode.Parse(Read("vectors/green.vector.json"))!;
        return new JsonObject
        {
            ["profile"] = JsonNode.Parse(Read("regions/460000.json")),
            ["samples"] = new JsonArray(new JsonObject
            {
                ["name"] = "green",
                ["contentType"] = "application/json",
                ["body"] = Read("samples/green.json"),
                ["expected"] = vector["expected"]!.DeepClone(),
                ["checkpoint"] = new JsonObject { ["region"] = "460100", ["scene"] = "general" },
                ["at"] = vector["at"]!.DeepClone(),
            }),
        };
    }

    [Test]
    public async Task The_guides_dry_run_of_the_new_region_answers_what_the_guide_shows()
    {
        using var factory = new ApiFactory();

        var response = await factory.ClientWithKey().PostAsync("/v1/profiles/dry-run", Fixtures.Json(GuideDryRunRequest().ToJsonString()));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var problems = new List<string>();
        Within(JsonNode.Parse(Read("expected/green.dry-run.json")), JsonNode.Parse(text), "$", problems);
        Assert.That(problems, Is.Empty, text);
    }

    [Test]
    public async Task A_data_folder_holding_the_new_regions_files_serves_that_region()
    {
        var schemas = Directory.CreateTempSubdirectory("hc-onboarding-schemas-").FullName;
        try
        {
            CopyFolder(Path.Combine(AppContext.BaseDirectory, "schemas"), schemas);
            Directory.CreateDirectory(Path.Combine(schemas, "trust"));
            // Step 10 of the guide: the profile, the CodeSystem and the trust file into the data folder.
            File.Copy(Path.Combine(Example, "regions", "460000.json"), Path.Combine(schemas, "regions", "460000.json"));
            File.Copy(Path.Combine(Example, "fhir", "CodeSystem-native-level-460000.json"), Path.Combine(schemas, "fhir", "CodeSystem-native-level-460000.json"));
            File.Copy(Path.Combine(Example, "trust", "460000.json"), Path.Combine(schemas, "trust", "460000.json"));
            using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["HealthCode:Schemas"] = schemas });
            var client = factory.ClientWithKey();

            var region = await client.GetFromJsonAsync<JsonElement>("/v1/regions/460000");
            var normalize = await client.PostAsync("/v1/regions/460000/normalize", Fixtures.Body(File.ReadAllBytes(Path.Combine(Example, "samples", "green.json")), "application/json"));
            var translated = await client.GetFromJsonAsync<JsonElement>("/v1/translate?from=460000&to=110000&level=1");

            Assert.That(region.GetProperty("name").GetString(), Is.EqualTo("海南健康码 (示例)"));
            Assert.That(normalize.StatusCode, Is.EqualTo(HttpStatusCode.OK), await normalize.Content.ReadAsStringAsync());
            var record = JsonNode.Parse(await normalize.Content.ReadAsStringAsync())!;
            Assert.That(JsonNode.DeepEquals(record, JsonNode.Parse(Read("expected/green.normalized.json"))), Is.True, record.ToJsonString());
            Assert.That(translated.GetProperty("target").GetProperty("label").GetString(), Is.EqualTo("居家观察"));
        }
        finally
        {
            Directory.Delete(schemas, recursive: true);
        }
    }

    /// <summary>Every value the guide shows is in the answer; the answer may carry more (fields added later).</summary>
    private static void Within(JsonNode? shown, JsonNode? actual, string path, List<string> problems)
    {
        switch (shown)
        {
            case JsonObject shownObject when actual is JsonObject actualObject:
                foreach (var (key, value) in shownObject)
                {
                    if (actualObject.ContainsKey(key)) Within(value, actualObject[key], $"{path}.{key}", problems);
                    else problems.Add($"{path}.{key} is missing");
                }
                break;
            case JsonArray shownArray when actual is JsonArray actualArray && actualArray.Count == shownArray.Count:
                for (var i = 0; i < shownArray.Count; i++) Within(shownArray[i], actualArray[i], $"{path}[{i}]", problems);
                break;
            default:
                if (!JsonNode.DeepEquals(shown, actual)) problems.Add($"{path}: shown {shown?.ToJsonString()}, answered {actual?.ToJsonString()}");
                break;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
