using System.Text;
using System.Text.Json;
using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>A native sample payload from tests/fixtures/regions/&lt;region&gt;/ and what its .expected.json says it becomes.</summary>
public sealed record RegionSample(string Region, string Name, string File, byte[] Body, string ContentType, string Code, RiskLevel Level, string NativeLevel)
{
    public static IReadOnlyList<RegionSample> All() =>
        Directory.GetDirectories(AmqpTestEnvironment.FixturesDirectory).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(dir => Directory.GetFiles(dir).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal).Select(Load))
            .ToList();

    public static RegionSample Get(string region, string name) => All().Single(s => s.Region == region && s.Name == name);

    private static RegionSample Load(string file)
    {
        var region = Path.GetFileName(Path.GetDirectoryName(file))!;
        var name = Path.GetFileNameWithoutExtension(file);
        using var expected = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(file)!, name + ".expected.json")));
        var canonical = expected.RootElement.GetProperty("canonical");
        return new RegionSample(region, name, file, System.IO.File.ReadAllBytes(file), RegionalPublisher.ContentTypeOf(file),
            canonical.GetProperty("code.value").GetString()!, Parse(canonical.GetProperty("code.level").GetString()),
            canonical.GetProperty("code.nativeLevel").GetString()!);
    }

    /// <summary>A Shanghai (310000) payload for generated load: one holder, any code, color 0 green / 1 yellow / 2 red.</summary>
    public static byte[] Shanghai(string code, int color, DateTimeOffset updatedAt) => Encoding.UTF8.GetBytes(
        $$$"""{"codeId":"{{{code}}}","color":{{{color}}},"holder":{"name":"周杰","idType":1,"idNo":"310104197503212087"},"updatedAt":"{{{updatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","nat":{"result":"NEGATIVE"}}""");

    public static RiskLevel ShanghaiLevel(int color) => color switch { 0 => RiskLevel.Green, 1 => RiskLevel.Yellow, _ => RiskLevel.Red };

    private static RiskLevel Parse(string? level) =>
        RiskLevels.TryParse(level, out var parsed) ? parsed : throw new InvalidDataException($"'{level}' is not a canonical level.");
}
