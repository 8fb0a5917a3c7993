using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthCode.Api.DryRun;

/// <summary>
/// A sample's "at": ISO 8601 with an explicit offset or Z. A time without one would be read in the server's own zone,
/// which a caller cannot see: it is refused rather than guessed.
/// </summary>
public static partial class SampleTime
{
    public const string Expected = "must be an ISO 8601 time with an offset, e.g. 2022-05-08T08:00:00+08:00 or 2022-05-08T00:00:00Z";

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        return text is not null && WithOffset().IsMatch(text)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
