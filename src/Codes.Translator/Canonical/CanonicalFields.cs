namespace HealthCode.Translator.Canonical;

/// <summary>The dotted canonical field names a profile may target (DESIGN.md §3). Errors and profile maps use these spellings.</summary>
public static class CanonicalFields
{
    public const string CodeValue = "code.value";
    public const string CodeLevel = "code.level";
    public const string CodeNativeLevel = "code.nativeLevel";
    public const string CodeSubStatus = "code.subStatus";
    public const string CodeStatusAt = "code.statusAt";
    public const string CodeValidUntil = "code.validUntil";
    public const string PersonName = "person.name";
    public const string DocumentType = "person.document.type";
    public const string DocumentNumber = "person.document.number";
    public const string Nationality = "person.nationality";
    public const string NatResult = "health.nat.result";
    public const string NatSampledAt = "health.nat.sampledAt";
    public const string NatReportedAt = "health.nat.reportedAt";
    public const string VaccinationDoses = "health.vaccination.doses";
    public const string TravelRiskAreaVisit = "health.travel.riskAreaVisit";

    /// <summary>In the order of <see cref="CanonicalField"/>.</summary>
    internal static readonly string[] Names =
    [
        CodeValue, CodeLevel, CodeNativeLevel, CodeSubStatus, CodeStatusAt, CodeValidUntil, PersonName, DocumentType,
        DocumentNumber, Nationality, NatResult, NatSampledAt, NatReportedAt, VaccinationDoses, TravelRiskAreaVisit,
    ];

    public static IReadOnlyList<string> All => Names;

    internal static bool TryParse(string? name, out CanonicalField field)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        field = (CanonicalField)Math.Max(index, 0);
        return index >= 0;
    }

    internal static string NameOf(CanonicalField field) => Names[(int)field];

    internal static CanonicalKind KindOf(CanonicalField field) => field switch
    {
        CanonicalField.CodeLevel => CanonicalKind.Level,
        CanonicalField.CodeStatusAt or CanonicalField.CodeValidUntil or CanonicalField.NatSampledAt or CanonicalField.NatReportedAt => CanonicalKind.Time,
        CanonicalField.VaccinationDoses => CanonicalKind.Integer,
        CanonicalField.TravelRiskAreaVisit => CanonicalKind.Boolean,
        CanonicalField.DocumentType => CanonicalKind.DocumentType,
        CanonicalField.NatResult => CanonicalKind.NatResult,
        _ => CanonicalKind.Text,
    };
}
