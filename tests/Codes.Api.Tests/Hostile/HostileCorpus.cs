using System.Text;

namespace HealthCode.Api.Tests.Hostile;

/// <summary>One hostile input: its bytes (read or generated), where it goes, and what the service must answer.</summary>
public sealed record HostileCase(string Id, string Kind, string Region, string? ContentType, string Tests, byte[] Body, int ExpectedHttp, string ExpectedAmqpReason)
{
    public override string ToString() => Id;
}

/// <summary>
/// tests/fixtures/hostile/manifest.json (copied to the output as fixtures/hostile). Small cases are committed files;
/// big ones (over-limit bodies, deep nesting, billion laughs) are generated here from their description.
/// </summary>
public static class HostileCorpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures", "hostile");

    private static readonly Lazy<IReadOnlyList<HostileCase>> Cases = new(Load);

    public static IReadOnlyList<HostileCase> All => Cases.Value;

    public static HostileCase Get(string id) => All.Single(c => c.Id == id);

    private static IReadOnlyList<HostileCase> Load()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "manifest.json")));
        var list = new List<HostileCase>();
        foreach (var entry in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            var body = entry.TryGetProperty("file", out var file)
                ? File.ReadAllBytes(Path.Combine(Root, file.GetString()!))
                : Generate(entry.GetProperty("generate"));
            var expect = entry.GetProperty("expect");
            list.Add(new HostileCase(entry.GetProperty("id").GetString()!, entry.GetProperty("kind").GetString()!,
                entry.GetProperty("region").GetString()!, entry.GetProperty("contentType").GetString(), entry.GetProperty("tests").GetString()!,
                body, expect.GetProperty("http").GetInt32(), expect.GetProperty("amqp").GetString()!));
        }
        if (list.Select(c => c.Id).Distinct().Count() != list.Count) throw new InvalidOperationException("duplicate case id in manifest.json");
        return list;
    }

    private static byte[] Generate(JsonElement spec)
    {
        if (spec.TryGetProperty("billionLaughs", out var laughs))
            return BillionLaughs(laughs.GetProperty("levels").GetInt32(), laughs.GetProperty("fanout").GetInt32(),
                laughs.GetProperty("root").GetString()!, laughs.GetProperty("element").GetString()!);

        var text = spec.GetProperty("template").GetString()!;
        foreach (var fill in spec.GetProperty("fill").EnumerateArray())
        {
            var marker = fill.GetProperty("marker").GetString()!;
            var unit = fill.GetProperty("text").GetString()!;
            int count;
            if (fill.TryGetProperty("padTo", out var padTo))
            {
                // Repeat the unit until the whole body reaches padTo bytes (exactly, for single-byte units).
                var rest = Encoding.UTF8.GetByteCount(text.Replace(marker, ""));
                count = (padTo.GetInt32() - rest + Encoding.UTF8.GetByteCount(unit) - 1) / Encoding.UTF8.GetByteCount(unit);
            }
            else count = fill.GetProperty("count").GetInt32();
            text = text.Replace(marker, new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString());
        }
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The classic: lol0 = "lol", lolN = fanout × lol(N-1); the body references the last level.</summary>
    private static byte[] BillionLaughs(int levels, int fanout, string root, string element)
    {
        var doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE ").Append(root).Append(" [\n  <!ENTITY lol0 \"lol\">\n");
        for (var level = 1; level < levels; level++)
            doc.Append("  <!ENTITY lol").Append(level).Append(" \"")
                .Append(string.Concat(Enumerable.Repeat($"&lol{level - 1};", fanout))).Append("\">\n");
        doc.Append("]>\n<").Append(root).Append("><").Append(element).Append(">&lol").Append(levels - 1).Append(";</")
            .Append(element).Append("></").Append(root).Append('>');
        return Encoding.UTF8.GetBytes(doc.ToString());
    }

    public static HttpContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
