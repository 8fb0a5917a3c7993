using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>A handful of hand-made profiles with the code patterns, ages and labels of regions.md.</summary>
public sealed class StubRegionCatalog(params RegionProfile[] profiles) : IRegionCatalog
{
    public static StubRegionCatalog Standard() => new(
        Profile("000000", "^GJ[0-9A-Z]{18}$", "PT24H", "绿码", "黄码", "红码"),
        Profile("110000", "^BJ-[0-9A-F]{20}$", "PT24H", "未见异常", "居家观察", "集中观察"),
        Profile("320000", "^JS[0-9]{4}[0-9A-Z]{12}$", "PT24H", "绿码", "黄码", "红码"),
        Profile("330000", "^ZJ[0-9A-Z]{18}$", "PT24H", "绿码", "黄码", "红码"),
        Profile("440000", "^YKM[0-9]{15}$", "PT12H", "绿码", "黄码", "红码"),
        Profile("810000", "^HKHC-[0-9]{8}-[0-9A-F]{8}$", "PT24H", "綠碼", "黃碼", "紅碼"),
        Profile("820000", "^MO-[0-9A-F]{10}$", "PT24H", "綠碼", "黃碼", "紅碼"),
        // Deliberately overlapping with 330000 so that detection can be ambiguous.
        Profile("990000", "^ZJ9[0-9A-Z]{17}$", "PT24H", "绿", "黄", "红"));

    /// <summary>A real compiled profile (so it behaves like a catalogue one) with a minimal set of fields.</summary>
    public static RegionProfile Profile(string id, string pattern, string maxAge, string green, string yellow, string red)
    {
        static JsonObject Field(string path, string to) => new() { ["path"] = path, ["type"] = "string", ["required"] = true, ["to"] = to };
        var level = Field("level", "code.nativeLevel");
        level["map"] = new JsonObject
        {
            ["green"] = new JsonObject { ["code.level"] = "green" },
            ["yellow"] = new JsonObject { ["code.level"] = "yellow" },
            ["red"] = new JsonObject { ["code.level"] = "red" },
        };
        var time = Field("at", "code.statusAt");
        time["time"] = "iso8601-offset";
        var draft = new JsonObject
        {
            ["id"] = id,
            ["name"] = id,
            ["format"] = "json",
            ["codePattern"] = pattern,
            ["maxStatusAge"] = maxAge,
            ["timeZone"] = "Asia/Shanghai",
            ["labels"] = new JsonObject { ["green"] = green, ["yellow"] = yellow, ["red"] = red, ["unknown"] = "unknown" },
            ["fields"] = new JsonArray(Field("code", "code.value"), level, Field("name", "person.name"), Field("document", "person.document.number"), time),
            ["constants"] = new JsonObject { ["person.document.type"] = "resident-id" },
        };
        var result = ProfileDraft.Compile(draft.ToJsonString());
        return result.Profile ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    /// <summary>The same profile recompiled with a silence budget (profiles are compiled, not records to copy).</summary>
    public static RegionProfile WithMaxSilence(RegionProfile profile, string maxSilence)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        var result = ProfileDraft.Compile(JsonSerializer.Serialize(profile.Definition with { MaxSilence = maxSilence }, options));
        return result.Profile ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public IReadOnlyList<RegionProfile> All => profiles;
    public RegionProfile? Find(string regionId) => profiles.FirstOrDefault(p => p.Id == regionId);
    public IReadOnlyList<RegionProfile> DetectIssuers(string code) => profiles.Where(p => p.MatchesCode(code)).ToList();
}
