using System.Text.RegularExpressions;

namespace HealthCode.Api.Regional;

/// <summary>Where the regional resources live (under the /v1 group), and what an id in them may look like.</summary>
public static partial class RegionalRoutes
{
    public const string MessageIdHeader = "X-HC-Message-Id";

    public static string Outcome(string region, string messageId) => $"/v1/regions/{region}/status-events/{Uri.EscapeDataString(messageId)}";

    public static string Snapshot(string region, string snapshotId) => $"/v1/regions/{region}/snapshots/{snapshotId}";

    /// <summary>A message id a publisher may choose (X-HC-Message-Id): printable, no separators a URL would need escaped.</summary>
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    public static partial Regex MessageIdPattern();
}
