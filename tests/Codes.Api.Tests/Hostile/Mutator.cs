using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HealthCode.Api.Tests.Hostile;

public enum MutationKind
{
    ByteFlip,
    Truncate,
    DeepNesting,
    TypeSwap,
    HugeNumber,
    LongString,
    InvalidUtf8,
    DuplicateKey,
    XmlEntity,
}

public sealed record Mutation(string Id, MutationKind Kind, byte[] Body)
{
    public override string ToString() => Id;
}

/// <summary>
/// Deterministic mutations of a sample: the same seed, sample id and index always give the same bytes. Each index
/// picks the kind round-robin (so every kind hits every sample) and a Random seeded from (seed, sample, index).
/// </summary>
public static partial class Mutator
{
    public const int Seed = 20220424;
    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    public static IEnumerable<Mutation> Mutate(string sampleId, byte[] body, int count, int seed = Seed)
    {
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var random = new Random(StableHash(seed, sampleId, i));
            byte[] mutated;
            try
            {
                mutated = Apply(kind, body, random);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
            {
                // The structural mutation could not apply (e.g. the body is not JSON): fall back to a byte flip.
                mutated = ByteFlip(body, random);
            }
            yield return new Mutation($"{sampleId}#{i:D3}:{kind}", kind, mutated);
        }
    }

    public static byte[] Apply(MutationKind kind, byte[] body, Random random) => kind switch
    {
        MutationKind.ByteFlip => ByteFlip(body, random),
        MutationKind.Truncate => body.AsSpan(0, body.Length == 0 ? 0 : random.Next(body.Length)).ToArray(),
        MutationKind.DeepNesting => InsertAt(body, random, IsXml(body)
            ? Repeat("<n>", random.Next(17, 3000)) + Repeat("</n>", random.Next(0, 3000))
            : Repeat(random.Next(2) == 0 ? "[" : "{\"n\":", random.Next(17, 5000))),
        MutationKind.TypeSwap => IsXml(body) ? XmlTypeSwap(body, random) : ReplaceJsonValue(body, random, SwapType),
        MutationKind.HugeNumber => IsXml(body)
            ? ReplaceXmlText(body, random, _ => Pick(random, HugeNumbers))
            : ReplaceJsonValue(body, random, (_, r) => JsonNode.Parse(Pick(r, HugeNumbers))),
        MutationKind.LongString => IsXml(body)
            ? ReplaceXmlText(body, random, _ => Repeat(Pick(random, LongUnits), random.Next(1000, 20000)))
            : ReplaceJsonValue(body, random, (_, r) => JsonValue.Create(Repeat(Pick(r, LongUnits), r.Next(1000, 20000)))),
        MutationKind.InvalidUtf8 => InsertBytesInString(body, random, Pick(random, InvalidUtf8)),
        MutationKind.DuplicateKey => IsXml(body) ? DuplicateXmlElement(body, random) : DuplicateJsonKey(body, random),
        MutationKind.XmlEntity => PrependDoctype(body, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static readonly string[] HugeNumbers =
        ["1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "1e-400", "123456789012345678901234567890.5", "-0", "9223372036854775808"];

    private static readonly string[] LongUnits = ["A", "周", "\u0000", "9", "\"\\", "\U0001F600", " "];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x80], [0xE6, 0x97], [0xF4, 0x90, 0x80, 0x80],
    ];

    private static bool IsXml(byte[] body) => body.AsSpan().TrimStart(" \r\n\t\uFEFF"u8).StartsWith("<"u8);

    private static byte[] ByteFlip(byte[] body, Random random)
    {
        var copy = body.ToArray();
        if (copy.Length == 0) return [0xFF];
        for (var n = random.Next(1, 9); n > 0; n--) copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        return copy;
    }

    private static byte[] InsertAt(byte[] body, Random random, string text)
    {
        var at = random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. Encoding.UTF8.GetBytes(text), .. body.AsSpan(at)];
    }

    private static byte[] InsertBytesInString(byte[] body, Random random, byte[] bytes)
    {
        // Prefer just after an opening quote or '>' so the bytes land inside a value; otherwise anywhere.
        var anchors = new List<int>();
        for (var i = 0; i < body.Length; i++) if (body[i] is (byte)'"' or (byte)'>') anchors.Add(i + 1);
        var at = anchors.Count > 0 ? anchors[random.Next(anchors.Count)] : random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. bytes, .. body.AsSpan(at)];
    }

    private static JsonNode? SwapType(JsonNode? node, Random random)
    {
        var kind = node switch { JsonObject => "object", JsonArray => "array", JsonValue v => v.GetValueKind().ToString(), _ => "null" };
        var options = new List<Func<JsonNode?>>
        {
            () => JsonValue.Create(node?.ToJsonString() ?? "null"),       // → string
            () => JsonValue.Create(random.Next(-1000, 1000)),              // → number
            () => new JsonObject { ["v"] = node?.DeepClone() },             // → object
            () => new JsonArray(node?.DeepClone()),                         // → array
            () => null,                                                     // → null
            () => JsonValue.Create(random.Next(2) == 0),                    // → boolean
        };
        // Drop the option that keeps the type (string stays string, and so on) when there is one.
        var skip = kind switch { "String" => 0, "Number" => 1, "object" => 2, "array" => 3, "null" => 4, "True" or "False" => 5, _ => -1 };
        if (skip >= 0) options.RemoveAt(skip);
        return options[random.Next(options.Count)]();
    }

    /// <summary>Replaces one randomly chosen node (any depth, not the root) of a JSON body.</summary>
    private static byte[] ReplaceJsonValue(byte[] body, Random random, Func<JsonNode?, Random, JsonNode?> replace)
    {
        var root = JsonNode.Parse(body)
                   ?? throw new InvalidOperationException("null root");
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0) throw new InvalidOperationException("no values");
        var (parent, key) = slots[random.Next(slots.Count)];
        switch (parent)
        {
            case JsonObject o:
                var name = (string)key;
                var old = o[name];
                o[name] = replace(old?.DeepClone(), random);
                break;
            case JsonArray a:
                var index = (int)key;
                a[index] = replace(a[index]?.DeepClone(), random);
                break;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name));
                    if (child is not null) Collect(child, slots);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child) Collect(child, slots);
                }
                break;
        }
    }

    private static byte[] DuplicateJsonKey(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var keys = JsonKey().Matches(text);
        if (keys.Count == 0) throw new InvalidOperationException("no keys");
        var key = keys[random.Next(keys.Count)];
        var value = Pick(random, ["1", "\"x\"", "null", "{}", "[]", "\"周杰\"", "true"]);
        return Encoding.UTF8.GetBytes(text.Insert(key.Index, $"{key.Groups[1].Value}: {value}, "));
    }

    private static byte[] XmlTypeSwap(byte[] body, Random random) =>
        ReplaceXmlText(body, random, _ => Pick(random, ["<x/>", "<x>1</x><x>2</x>", "", "<![CDATA[<>]]>", "&amp;&lt;", "<a b=\"1\"/>text"]));

    private static byte[] ReplaceXmlText(byte[] body, Random random, Func<string, string> replace)
    {
        var text = Encoding.UTF8.GetString(body);
        var texts = XmlText().Matches(text);
        if (texts.Count == 0) throw new InvalidOperationException("no XML text");
        var m = texts[random.Next(texts.Count)].Groups[1];
        return Encoding.UTF8.GetBytes(text[..m.Index] + replace(m.Value) + text[(m.Index + m.Length)..]);
    }

    private static byte[] DuplicateXmlElement(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var elements = XmlLeaf().Matches(text);
        if (elements.Count == 0) throw new InvalidOperationException("no XML elements");
        var e = elements[random.Next(elements.Count)];
        return Encoding.UTF8.GetBytes(text.Insert(e.Index + e.Length, e.Value));
    }

    /// <summary>A DOCTYPE with an entity declaration (internal, external file/URL, parameter, or a small laugh), referenced in the body.</summary>
    private static byte[] PrependDoctype(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var declaration = Pick(random,
        [
            "<!ENTITY e \"SX84080134193F9E56E7\">",
            "<!ENTITY e SYSTEM \"file:///etc/passwd\">",
            "<!ENTITY e SYSTEM \"http://127.0.0.1:1/x\">",
            "<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;",
            "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY e \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">",
        ]);
        var prolog = text.StartsWith("<?xml", StringComparison.Ordinal) ? text[..(text.IndexOf("?>", StringComparison.Ordinal) + 2)] : "";
        var rest = text[prolog.Length..];
        var texts = XmlText().Matches(rest);
        if (texts.Count > 0)
        {
            var m = texts[random.Next(texts.Count)].Groups[1];
            rest = rest[..m.Index] + "&e;" + rest[(m.Index + m.Length)..];
        }
        else
        {
            // JSON: the DOCTYPE in front, and an entity reference inside a string.
            var at = rest.IndexOf(": \"", StringComparison.Ordinal);
            if (at >= 0) rest = rest.Insert(at + 3, "&e;");
        }
        return Encoding.UTF8.GetBytes(prolog + $"<!DOCTYPE HealthCode [{declaration}]>" + rest);
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static int StableHash(int seed, string id, int index)
    {
        // FNV-1a: string.GetHashCode is randomized per process, which would make the fuzz irreproducible.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (uint)index) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }

    [GeneratedRegex("(\"[^\"\\\\]{1,64}\")\\s*:")]
    private static partial Regex JsonKey();

    [GeneratedRegex(">([^<>]+)</")]
    private static partial Regex XmlText();

    [GeneratedRegex("<([A-Za-z]+)>[^<>]*</\\1>")]
    private static partial Regex XmlLeaf();
}
