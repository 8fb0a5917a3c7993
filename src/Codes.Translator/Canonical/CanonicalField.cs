namespace HealthCode.Translator.Canonical;

/// <summary>Index of a canonical field; lets the engine keep values in arrays instead of dictionaries on the hot path.</summary>
internal enum CanonicalField
{
    CodeValue,
    CodeLevel,
    CodeNativeLevel,
    CodeSubStatus,
    CodeStatusAt,
    CodeValidUntil,
    PersonName,
    DocumentType,
    DocumentNumber,
    Nationality,
    NatResult,
    NatSampledAt,
    NatReportedAt,
    VaccinationDoses,
    TravelRiskAreaVisit,
}
