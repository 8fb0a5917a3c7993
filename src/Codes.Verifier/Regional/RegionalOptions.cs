using System.ComponentModel.DataAnnotations;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// Configuration section <see cref="Section"/>: how long the regional ledger keeps things and how snapshots run
/// (docs/regional-systems.md). Every value has a range; a bad one stops start-up naming the setting.
/// </summary>
public sealed class RegionalOptions
{
    public const string Section = "HealthCode:Regional";

    /// <summary>The ?wait of an HTTP publish is at most this (the contract says 10 s).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan OutcomeRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Entries kept per region in the rejections feed (Redis MAXLEN ~, so a little more may stay).</summary>
    [Range(100, 10_000_000)]
    public int RejectionFeedLength { get; set; } = 100_000;

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan LagWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Newest lag samples kept per region within the window (bounds the freshness read).</summary>
    [Range(100, 100_000)]
    public int LagSamples { get; set; } = 5_000;

    /// <summary>Largest snapshot body (413 above it).</summary>
    [Range(1024L * 1024, 64L * 1024 * 1024 * 1024)]
    public long SnapshotMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Longest NDJSON line; a longer one is refused as malformed-line and the snapshot goes on.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int SnapshotMaxLineBytes { get; set; } = 256 * 1024;

    /// <summary>Lines of one snapshot in the consumer at once.</summary>
    [Range(1, 128)]
    public int SnapshotConcurrency { get; set; } = 16;

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan SnapshotRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A running snapshot holds its region's lock for this long at a time, renewed while it runs.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan SnapshotLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running snapshot's counters are written to its status record.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SnapshotProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where received snapshot bodies wait on disk until processed (never in memory). Empty: the system temp folder.</summary>
    public string? SnapshotSpoolDirectory { get; set; }
}
