namespace HealthCode.Verifier.Regional;

/// <summary>
/// Codes of the region the hub holds that a snapshot did not mention, one page of them; Cursor "0" when the scan is
/// done. Each code is reported once per snapshot even if the underlying scan returns it twice.
/// </summary>
public sealed record UnlistedPage(IReadOnlyList<string> Codes, string Cursor)
{
    public bool Done => Cursor == "0";
}
