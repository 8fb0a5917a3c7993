namespace HealthCode.Translator.Canonical;

/// <summary>One region's status for one code, shaped after GB/T 38962 (DESIGN.md §3). Times are UTC.</summary>
public sealed record CanonicalRecord(
    string SchemaVersion,
    string Issuer,
    CodeInfo Code,
    PersonInfo Person,
    HealthInfo? Health)
{
    public const string CurrentSchemaVersion = "1";
}
