namespace HealthCode.Verifier.Store;

/// <summary>The scanned code's entry (null when unknown) and the entries of the holder's other codes.</summary>
public sealed record StatusLookup(StatusEntry? Entry, IReadOnlyList<StatusEntry> OtherCodesOfHolder);
