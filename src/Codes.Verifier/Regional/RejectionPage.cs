namespace HealthCode.Verifier.Regional;

/// <summary>A page of the rejections feed; Next is the cursor to read on from (the given one again when nothing is newer).</summary>
public sealed record RejectionPage(IReadOnlyList<RejectionItem> Items, string Next);
