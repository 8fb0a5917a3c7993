using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Engine;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Time;

/// <summary>
/// Rewrites a payload's status time to a given instant (so shipped samples verify as current): the inverse of reading it.
/// Which native field holds the status time, and in what format, comes from the profile (the rule whose "to" is
/// code.statusAt, with its time-of-day field if the time is split): nothing here knows a region.
/// </summary>
public static class StatusTimeRewriter
{
    /// <summary>
    /// The body with its status time set to <paramref name="at"/> (whole seconds); unchanged when the field is absent
    /// (event-time fallback) or inside an array (which entry counts is decided per payload).
    /// </summary>
    public static byte[] Rewrite(RegionProfile profile, byte[] body, DateTimeOffset at)
    {
        var plan = profile.Plan;
        var rule = plan.Rules.FirstOrDefault(r => r.To == CanonicalField.CodeStatusAt);
        if (rule?.Time is null || plan.ArrayPaths.Any(a => rule.Path.StartsWith(a + "/", StringComparison.Ordinal)))
        {
            return body;
        }

        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var writes = new List<(string[] Segments, string Text)> { (Segments(rule.Path), rule.Time.Write(at)) };
        if (rule.TimeOfDayPath is { } clock)
        {
            writes.Add((Segments(clock), rule.Time.WriteTimeOfDay(at)));
        }

        return profile.Format == PayloadFormat.Xml
            ? RewriteXml(body, writes, plan.XmlNames)
            : RewriteJson(body, writes, rule.Time.NeedsInteger);
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static byte[] RewriteJson(byte[] body, List<(string[] Segments, string Text)> writes, bool integer)
    {
        var root = JsonNode.Parse(body);
        var written = 0;
        foreach (var (segments, text) in writes)
        {
            var parent = root;
            foreach (var segment in segments[..^1])
            {
                parent = parent?[Unescape(segment)];
            }

            var name = Unescape(segments[^1]);
            if (parent is JsonObject target && target.ContainsKey(name))
            {
                target[name] = integer ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(text);
                written++;
            }
        }

        return written == 0 ? body : Encoding.UTF8.GetBytes(root!.ToJsonString());
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private static byte[] RewriteXml(byte[] body, List<(string[] Segments, string Text)> writes, XmlNaming naming)
    {
        using var input = new MemoryStream(body);
        var document = XDocument.Load(input, LoadOptions.PreserveWhitespace);
        var written = 0;
        foreach (var (segments, text) in writes)
        {
            var element = document.Root;
            foreach (var segment in segments[..^1])
            {
                element = element?.Elements().FirstOrDefault(e => naming.Element(e.Name.NamespaceName, e.Name.LocalName) == segment);
            }

            var last = segments[^1];
            if (last.StartsWith('@') && element?.Attributes().FirstOrDefault(a => naming.Attribute(a.Name.NamespaceName, a.Name.LocalName) == last) is { } attribute)
            {
                attribute.Value = text;
                written++;
            }
            else if (element?.Elements().FirstOrDefault(e => naming.Element(e.Name.NamespaceName, e.Name.LocalName) == last) is { } target)
            {
                target.Value = text;
                written++;
            }
        }

        if (written == 0)
        {
            return body;
        }

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }
}
