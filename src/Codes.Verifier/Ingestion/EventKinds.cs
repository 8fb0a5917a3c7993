namespace HealthCode.Verifier.Ingestion;

/// <summary>Between <see cref="EventKind"/> and the hc-kind header word.</summary>
public static class EventKinds
{
    public static string ToWire(this EventKind kind) => kind switch
    {
        EventKind.Status => "status",
        EventKind.Revoke => "revoke",
        EventKind.Heartbeat => "heartbeat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No wire word for this kind."),
    };

    /// <summary>Absent or empty is a status (DESIGN.md §6); any word other than the known ones is refused.</summary>
    public static bool TryParse(string? header, out EventKind kind)
    {
        switch (header)
        {
            case null or "" or "status": kind = EventKind.Status; return true;
            case "revoke": kind = EventKind.Revoke; return true;
            case "heartbeat": kind = EventKind.Heartbeat; return true;
            default: kind = default; return false;
        }
    }

    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    /// <summary>"'status' or 'revoke' or 'heartbeat'": the words a refusal names, from the enum so a new kind is named too.</summary>
    public static string Words { get; } = string.Join(" or ", All.Select(k => $"'{k.ToWire()}'"));
}
