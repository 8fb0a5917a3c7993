using System.Xml;
using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// A region's maxSilence (its profile's promise to send an event or heartbeat at least that often) and whether the
/// region is past it. Fail closed: a region that promised and never gave a sign is silent, and a promise that cannot
/// be read counts as a zero budget.
/// </summary>
public static class SilenceBudget
{
    /// <summary>Null: the region makes no promise and is never judged silent.</summary>
    public static TimeSpan? Of(RegionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Parse(profile.MaxSilence);
    }

    /// <summary>Null for no promise; an unreadable duration counts as a zero budget.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null) return null;
        try
        {
            var budget = XmlConvert.ToTimeSpan(text);
            return budget > TimeSpan.Zero ? budget : TimeSpan.Zero;
        }
        catch (FormatException)
        {
            // The schema refuses such a profile; one built in code could still carry it.
            return TimeSpan.Zero;
        }
    }

    public static bool IsSilent(RegionSigns signs, TimeSpan budget, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signs);
        return signs.LastSignAt is not { } last || now - last > budget;
    }
}
