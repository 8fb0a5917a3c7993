using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Regional;

/// <summary>Between <see cref="EventState"/>, its stored word, and the consumer's <see cref="ConsumeStatus"/>.</summary>
public static class EventStates
{
    public static string ToWire(this EventState state) => state switch
    {
        EventState.Pending => "pending",
        EventState.Applied => "applied",
        EventState.Superseded => "superseded",
        EventState.Duplicate => "duplicate",
        EventState.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No word for this state."),
    };

    public static bool TryParse(string? word, out EventState state)
    {
        foreach (var candidate in Enum.GetValues<EventState>())
        {
            if (candidate.ToWire() == word)
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }

    public static EventState Of(ConsumeStatus status) => status switch
    {
        ConsumeStatus.Applied => EventState.Applied,
        ConsumeStatus.Superseded => EventState.Superseded,
        ConsumeStatus.Duplicate => EventState.Duplicate,
        ConsumeStatus.Rejected => EventState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No state for this status."),
    };

    public static ConsumeStatus ToStatus(this EventState state) => state switch
    {
        EventState.Applied => ConsumeStatus.Applied,
        EventState.Superseded => ConsumeStatus.Superseded,
        EventState.Duplicate => ConsumeStatus.Duplicate,
        EventState.Rejected => ConsumeStatus.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A pending event has no consume status."),
    };
}
