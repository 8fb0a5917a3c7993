namespace HealthCode.Cluster.Tests;

/// <summary>
/// What the event with one sequence says of a code: a status of a Shanghai color (0 green, 1 yellow, 2 red), or a
/// revocation. Every event of that code and sequence (the original, a duplicate, a late replay) carries the same body.
/// </summary>
public sealed record CodeVersion(string Code, long Sequence, int Color, bool Revoke)
{
    /// <summary>Whether this version, on its own, lets a checkpoint accept (a green, live status).</summary>
    public bool Green => !Revoke && Color == 0;

    public string Kind => Revoke ? "revoke" : "status";

    public override string ToString() => $"{Code}#{Sequence} {(Revoke ? "revoke" : Color switch { 0 => "green", 1 => "yellow", _ => "red" })}";
}
