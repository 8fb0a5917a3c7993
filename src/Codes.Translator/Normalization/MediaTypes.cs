using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization;

/// <summary>Which content types a profile format accepts. A charset parameter, if any, must be UTF-8: nothing else is decoded.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Xml = "application/xml";
    public const string TextXml = "text/xml";

    public static bool Accepts(PayloadFormat format, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var parts = contentType.Split(';');
        var mediaType = parts[0].Trim();
        var matches = format == PayloadFormat.Xml
            ? mediaType.Equals(Xml, StringComparison.OrdinalIgnoreCase) || mediaType.Equals(TextXml, StringComparison.OrdinalIgnoreCase)
            : mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);
        if (!matches)
        {
            return false;
        }

        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)
                && !(pair.Length == 2 && pair[1].Trim().Trim('"') is var charset
                     && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return true;
    }

    public static string ForFormat(PayloadFormat format) => format == PayloadFormat.Xml ? Xml : Json;
}
