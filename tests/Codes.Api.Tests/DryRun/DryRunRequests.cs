using System.Text.Json.Nodes;

namespace HealthCode.Api.Tests.DryRun;

/// <summary>Builds dry-run requests from the shipped samples and profiles, and runs them expecting 200.</summary>
public static class DryRunRequests
{
    public const string Endpoint = "/v1/profiles/dry-run";
    /// <summary>Beijing green's status time (2022-05-08T14:34:00+08:00).</summary>
    public static readonly DateTimeOffset BeijingGreenStatusAt = new(2022, 5, 8, 6, 34, 0, TimeSpan.Zero);

    public static string Body(string fixture) => File.ReadAllText(Path.Combine(Fixtures.Root, fixture));

    public static JsonObject Sample(string fixture, string? body = null) => new()
    {
        ["name"] = fixture,
        ["contentType"] = Fixtures.ContentType(fixture),
        ["body"] = body ?? Body(fixture),
    };

    public static JsonObject WithCheckpoint(this JsonObject sample, string region, string scene, DateTimeOffset at)
    {
        sample["checkpoint"] = new JsonObject { ["region"] = region, ["scene"] = scene };
        sample["at"] = at.ToString("O");
        return sample;
    }

    /// <summary>The "canonical" object of the fixture's *.expected.json: canonical dotted field → value.</summary>
    public static JsonObject Expected(string fixture) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, Path.ChangeExtension(fixture, null) + ".expected.json")))!["canonical"]!
            .DeepClone().AsObject();

    /// <summary>A region's profile file as shipped, to edit into a draft.</summary>
    public static JsonObject Profile(string region) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "regions", region + ".json")))!.AsObject();

    public static JsonObject ForRegion(string region, params JsonObject[] samples) =>
        new() { ["region"] = region, ["samples"] = new JsonArray(samples) };

    public static JsonObject ForDraft(JsonObject profile, params JsonObject[] samples) =>
        new() { ["profile"] = profile, ["samples"] = new JsonArray(samples) };

    public static HttpContent Content(JsonObject request) => Fixtures.Json(request.ToJsonString());

    public static async Task<JsonElement> RunAsync(HttpClient client, JsonObject request)
    {
        var response = await client.PostAsync(Endpoint, Content(request));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement OnlySample(JsonElement answer) => answer.GetProperty("samples").EnumerateArray().Single();

    public static IReadOnlyList<string> ErrorKeys(JsonElement sample) =>
        sample.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
}
