using System.Globalization;
using HealthCode.Translator.Normalization.Engine;

namespace HealthCode.Translator.Normalization.Time;

/// <summary>
/// Reads one of the profile time formats, and writes it (the inverse, used to refresh sample payloads). Exact formats
/// reject impossible dates (2022-02-30) instead of rolling them over.
/// </summary>
internal sealed class TimeReader
{
    public const string Iso8601Offset = "iso8601-offset";
    public const string Iso8601Utc = "iso8601-utc";
    public const string Iso8601Local = "iso8601-local";
    public const string UnixSeconds = "unix-seconds";
    public const string UnixMilliseconds = "unix-milliseconds";

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
    ];

    // Keeps epoch values within what DateTimeOffset can hold, so a hostile number is an error, not an exception.
    private const long MaxUnixSeconds = 253402300799;

    private readonly string _format;
    private readonly TimeZoneInfo _zone;

    public TimeReader(string format, TimeZoneInfo zone)
    {
        _format = format;
        _zone = zone;
    }

    public bool NeedsInteger => _format is UnixSeconds or UnixMilliseconds;

    public string Describe => _format;

    public static bool IsValidFormat(string format)
    {
        if (format is Iso8601Offset or Iso8601Utc or Iso8601Local or UnixSeconds or UnixMilliseconds)
        {
            return true;
        }

        // An exact .NET format must at least round-trip a known instant and carry a year, month and day.
        try
        {
            var sample = new DateTime(2021, 12, 23, 10, 4, 5).ToString(format, CultureInfo.InvariantCulture);
            return format.Contains("yyyy", StringComparison.Ordinal) && format.Contains("MM", StringComparison.Ordinal) && format.Contains("dd", StringComparison.Ordinal)
                && DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The instant as this format writes it, in the profile's zone where the format carries no offset.</summary>
    public string Write(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        return _format switch
        {
            Iso8601Offset => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Iso8601Utc => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Iso8601Local => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            UnixSeconds => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            UnixMilliseconds => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            _ => local.DateTime.ToString(_format, CultureInfo.InvariantCulture),
        };
    }

    public bool TryRead(NativeNode node, out DateTimeOffset value)
    {
        value = default;
        switch (_format)
        {
            case UnixSeconds:
                if (!node.TryGetInteger(out var seconds) || seconds < 0 || seconds > MaxUnixSeconds)
                {
                    return false;
                }

                value = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            case UnixMilliseconds:
                if (!node.TryGetInteger(out var millis) || millis < 0 || millis / 1000 > MaxUnixSeconds)
                {
                    return false;
                }

                value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
                return true;
            case Iso8601Offset:
                if (DateTimeOffset.TryParseExact(node.Text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
                {
                    return true;
                }

                return DateTimeOffset.TryParseExact(node.Text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            case Iso8601Utc:
                return DateTimeOffset.TryParseExact(node.Text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            case Iso8601Local:
                return TryLocal(node.Text, LocalFormats, out value);
            default:
                return TryLocal(node.Text, [_format], out value);
        }
    }

    private bool TryLocal(string text, string[] formats, out DateTimeOffset value)
    {
        value = default;
        if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || _zone.IsInvalidTime(local))
        {
            return false;
        }

        value = new DateTimeOffset(local, _zone.GetUtcOffset(local));
        return true;
    }
}
