using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Time;

/// <summary>
/// Rewrites a payload's status time to a given instant (so shipped samples verify as current): the inverse of reading it.
/// Which native field holds the status time, and in what format, comes from the profile (the rule whose "to" is
/// code.statusAt): nothing here knows a region.
/// </summary>
public static class StatusTimeRewriter
{
    /// <summary>The body with its status time set to <paramref name="at"/> (whole seconds); unchanged when the field is absent (event-time fallback).</summary>
    public static byte[] Rewrite(RegionProfile profile, byte[] body, DateTimeOffset at)
    {
        var rule = profile.Plan.Rules.FirstOrDefault(r => r.To == CanonicalField.CodeStatusAt);
        if (rule?.Time is null)
        {
            return body;
        }

        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var text = rule.Time.Write(at);
        var segments = rule.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return profile.Format == PayloadFormat.Xml
            ? RewriteXml(body, segments, text)
            : RewriteJson(body, segments, text, rule.Time.NeedsInteger);
    }

    private static byte[] RewriteJson(byte[] body, string[] segments, string text, bool integer)
    {
        var root = JsonNode.Parse(body);
        JsonNode? parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent?[Unescape(segment)];
        }

        var name = Unescape(segments[^1]);
        if (parent is not JsonObject target || !target.ContainsKey(name))
        {
            return body;
        }

        target[name] = integer ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(text);
        return Encoding.UTF8.GetBytes(root!.ToJsonString());
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private static byte[] RewriteXml(byte[] body, string[] segments, string text)
    {
        using var input = new MemoryStream(body);
        var document = XDocument.Load(input, LoadOptions.PreserveWhitespace);
        var element = document.Root;
        foreach (var segment in segments)
        {
            element = element?.Element(segment);
        }

        if (element is null)
        {
            return body;
        }

        element.Value = text;
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }
}
