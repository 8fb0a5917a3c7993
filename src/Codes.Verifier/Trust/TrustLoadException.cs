namespace HealthCode.Verifier.Trust;

/// <summary>
/// A trust file or trust configuration entry is invalid. Origin is the file path (or "configuration"), Field the
/// offending field (or configuration key). Start-up must stop: silently dropping a key would let a region's
/// events through unsigned, or refuse all of them.
/// </summary>
public sealed class TrustLoadException(string origin, string field, string problem)
    : Exception($"Trust source '{origin}', field '{field}': {problem}")
{
    public string Origin { get; } = origin;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
