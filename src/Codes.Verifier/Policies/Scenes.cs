namespace HealthCode.Verifier.Policies;

/// <summary>Checkpoint scenes (DESIGN.md §5).</summary>
public static class Scenes
{
    public const string Transport = "transport";
    public const string Venue = "venue";
    public const string Hospital = "hospital";
    public const string Border = "border";
    public const string General = "general";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Transport, Venue, Hospital, Border, General,
    };
}
