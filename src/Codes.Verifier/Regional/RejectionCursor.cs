using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// A feed cursor: "&lt;milliseconds&gt;-&lt;counter&gt;", the id of the last entry read (Redis stream ids; the
/// in-memory feed makes the same). "0" (or none) reads from the oldest entry kept.
/// </summary>
public readonly record struct RejectionCursor(ulong Milliseconds, ulong Counter) : IComparable<RejectionCursor>
{
    public static readonly RejectionCursor Start = new(0, 0);

    public static bool TryParse(string? text, [NotNullWhen(true)] out RejectionCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            cursor = Start;
            return true;
        }
        var dash = text.IndexOf('-');
        if (dash <= 0
            || !ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !ulong.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var counter))
            return false;
        cursor = new RejectionCursor(ms, counter);
        return true;
    }

    public int CompareTo(RejectionCursor other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Counter.CompareTo(other.Counter);

    public override string ToString() => this == Start
        ? "0"
        : string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Counter}");
}
