using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Api.Samples;

/// <summary>
/// Rewrites a sample payload's status time to a given instant, so the shipped samples verify as current. Which native
/// field holds the status time, and in what format, comes from the profile (the rule whose "to" is code.statusAt):
/// nothing here knows a region.
/// </summary>
public static class StatusTimeRewriter
{
    /// <summary>The body with its status time set to <paramref name="at"/>; unchanged when the field is absent (event-time fallback).</summary>
    public static byte[] Rewrite(RegionProfile profile, byte[] body, DateTimeOffset at)
    {
        var rule = profile.Fields.FirstOrDefault(f => f.To == CanonicalFields.CodeStatusAt);
        if (rule?.Time is null) return body;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var text = Format(rule.Time, at, zone);
        var segments = rule.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return profile.Format == "xml" ? RewriteXml(body, segments, text) : RewriteJson(body, segments, text, rule.Type == "integer");
    }

    public static string Format(string format, DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return format switch
        {
            "iso8601-offset" => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            "iso8601-utc" => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "iso8601-local" => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            "unix-seconds" => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "unix-milliseconds" => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            _ => local.DateTime.ToString(format, CultureInfo.InvariantCulture),
        };
    }

    private static byte[] RewriteJson(byte[] body, string[] segments, string text, bool integer)
    {
        var root = JsonNode.Parse(body);
        JsonNode? parent = root;
        foreach (var segment in segments[..^1]) parent = parent?[segment];
        if (parent is not JsonObject target || !target.ContainsKey(segments[^1])) return body;
        target[segments[^1]] = integer ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)) : JsonValue.Create(text);
        return Encoding.UTF8.GetBytes(root!.ToJsonString());
    }

    private static byte[] RewriteXml(byte[] body, string[] segments, string text)
    {
        using var input = new MemoryStream(body);
        var document = XDocument.Load(input, LoadOptions.PreserveWhitespace);
        var element = document.Root;
        foreach (var segment in segments) element = element?.Element(segment);
        if (element is null) return body;
        element.Value = text;
        using var output = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(output, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }
        return output.ToArray();
    }
}
