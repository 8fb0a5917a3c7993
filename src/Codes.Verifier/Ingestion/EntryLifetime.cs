using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// How long the store keeps an entry: a status until it goes stale, then for the retention window, so the CAS still
/// sees its sequence for late replays; a tombstone for the region's maximum status age plus the retention window.
/// The regional code index expires its members at the same moment.
/// </summary>
public static class EntryLifetime
{
    public static TimeSpan TimeToLive(StatusEntry entry, RegionProfile profile, TimeSpan retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(profile);
        if (entry.Revoked) return profile.MaxStatusAgeSpan + retention;
        var untilStale = entry.StatusAt + profile.MaxStatusAgeSpan - now;
        return (untilStale > TimeSpan.Zero ? untilStale : TimeSpan.Zero) + retention;
    }
}
