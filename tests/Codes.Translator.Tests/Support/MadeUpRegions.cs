using System.Text;
using System.Text.Json.Nodes;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Tests.Support;

/// <summary>The made-up regions of tests/fixtures/made-up-regions: one folder per region, its profile.json and sample payloads.</summary>
internal static class MadeUpRegions
{
    public static string Root => Path.Combine(TestPaths.Root, "fixtures", "made-up-regions");

    public static string ProfileText(string region) => File.ReadAllText(Path.Combine(Root, region, "profile.json"));

    public static RegionProfile Profile(string region)
    {
        var result = ProfileDraft.Compile(ProfileText(region));
        return result.Profile ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    /// <summary>The region's profile with one change, compiled (or explained).</summary>
    public static ProfileDraftResult ProfileWith(string region, Action<JsonObject> change)
    {
        var draft = JsonNode.Parse(ProfileText(region))!.AsObject();
        change(draft);
        return ProfileDraft.Compile(draft.ToJsonString());
    }

    public static JsonObject Field(JsonObject profile, string path) =>
        profile["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["path"]! == path);

    /// <summary>A JSON sample with one change.</summary>
    public static string SampleWith(string region, string name, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Sample(region, name))!.AsObject();
        change(payload);
        return payload.ToJsonString();
    }

    public static string Sample(string region, string name) => File.ReadAllText(Path.Combine(Root, region, name));

    public static NormalizationResult Normalize(RegionProfile profile, string body) =>
        Shared.Normalizer.Normalize(profile, Encoding.UTF8.GetBytes(body), MediaTypes.ForFormat(profile.Format), Shared.Context);

    public static NormalizationResult Normalize(string region, string sample) => Normalize(Profile(region), Sample(region, sample));
}
