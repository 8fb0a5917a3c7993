using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Api.Samples;
using HealthCode.Translator.Profiles;

namespace HealthCode.Api.DryRun;

/// <summary>
/// The shipped sample payloads (samples/&lt;region&gt;/, the same files the embedded mode seeds), with their status
/// time set to now so that a dry run at the present verifies them as current.
/// </summary>
public sealed class SampleLibrary(DryRunEngine engine)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The region's samples by name, or null for a region that is not loaded.</returns>
    public IReadOnlyList<RegionSample>? For(string region)
    {
        // Only a loaded region's id (six digits) ever reaches the file system.
        if (engine.FormatOf(region) is not { } format) return null;
        var directory = Path.Combine(SampleSeeder.SamplesDirectory, region);
        if (!Directory.Exists(directory)) return [];

        var extension = format == PayloadFormat.Xml ? ".xml" : ".json";
        return Directory.EnumerateFiles(directory, "*" + extension)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new RegionSample(
                Path.GetFileNameWithoutExtension(f),
                DryRunEngine.MediaTypeOf(format),
                Readable(format, engine.WithCurrentStatusTime(region, File.ReadAllBytes(f)))))
            .ToList();
    }

    // The rewrite leaves JSON compact with \uXXXX escapes; a person pasting it into the playground wants it as shipped.
    private static string Readable(PayloadFormat format, byte[] body) =>
        format == PayloadFormat.Json && JsonNode.Parse(body) is { } node ? node.ToJsonString(Indented) : Encoding.UTF8.GetString(body);
}
