using System.Globalization;
using HealthCode.Translator.Normalization.Engine;

namespace HealthCode.Translator.Normalization.Time;

/// <summary>
/// Reads one of the profile time formats, and writes it (the inverse, used to refresh sample payloads). Exact formats
/// reject impossible dates (2022-02-30) instead of rolling them over. A time split over two fields reads the date with
/// the format and the time of day with a second one.
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

    private static readonly DateTime Sample = new(2021, 12, 23, 10, 4, 5);

    private readonly string _format;
    private readonly string? _timeOfDay;
    private readonly TimeZoneInfo _zone;

    public TimeReader(string format, TimeZoneInfo zone, string? timeOfDay = null)
    {
        _format = format;
        _zone = zone;
        _timeOfDay = timeOfDay;
    }

    public bool NeedsInteger => _format is UnixSeconds or UnixMilliseconds;

    public string Describe => _timeOfDay is null ? _format : $"{_format} + {_timeOfDay}";

    public static bool IsNamed(string format) => format is Iso8601Offset or Iso8601Utc or Iso8601Local or UnixSeconds or UnixMilliseconds;

    public static bool IsValidFormat(string format)
    {
        if (IsNamed(format))
        {
            return true;
        }

        // An exact .NET format must at least round-trip a known instant and carry a year, month and day.
        return format.Contains("yyyy", StringComparison.Ordinal) && format.Contains("MM", StringComparison.Ordinal) && format.Contains("dd", StringComparison.Ordinal)
            && RoundTrips(format);
    }

    /// <summary>A time of day: a .NET format with hours that round-trips and carries no date.</summary>
    public static bool IsValidTimeOfDayFormat(string format) =>
        !IsNamed(format) && (format.Contains('H') || format.Contains('h')) && !format.Contains('y') && !format.Contains('d') && !format.Contains('M')
        && RoundTrips(format);

    private static bool RoundTrips(string format)
    {
        try
        {
            var text = Sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The instant as this format writes it (for a split time, the date part), in the profile's zone where the format carries no offset.</summary>
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

    /// <summary>The time-of-day part of a split time.</summary>
    public string WriteTimeOfDay(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).DateTime.ToString(_timeOfDay!, CultureInfo.InvariantCulture);

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

    /// <summary>A split time: false with <paramref name="dateFailed"/> saying which of the two fields could not be read.</summary>
    public bool TryRead(NativeNode date, NativeNode timeOfDay, out DateTimeOffset value, out bool dateFailed)
    {
        value = default;
        dateFailed = !DateTime.TryParseExact(date.Text, _format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        if (dateFailed || !DateTime.TryParseExact(timeOfDay.Text, _timeOfDay, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var clock))
        {
            return false;
        }

        return TryZone(day.Date + clock.TimeOfDay, out value);
    }

    private bool TryLocal(string text, string[] formats, out DateTimeOffset value)
    {
        value = default;
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && TryZone(local, out value);
    }

    private bool TryZone(DateTime local, out DateTimeOffset value)
    {
        value = default;
        if (_zone.IsInvalidTime(local))
        {
            return false;
        }

        value = new DateTimeOffset(local, _zone.GetUtcOffset(local));
        return true;
    }
}
