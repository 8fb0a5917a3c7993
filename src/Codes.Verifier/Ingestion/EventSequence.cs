using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// hc-sequence, parsed once at the edge: an int64 greater than zero, written in plain decimal digits (no sign, no
/// spaces). Larger wins per code; equal is a duplicate.
/// </summary>
public readonly record struct EventSequence : IComparable<EventSequence>
{
    public EventSequence(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public long Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out EventSequence sequence)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        sequence = ok ? new EventSequence(value) : default;
        return ok;
    }

    public int CompareTo(EventSequence other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
