namespace HealthCode.Translator.Fhir;

/// <summary>
/// Every system, CodeSystem and extension URI the FHIR output uses. The project-owned ones live under
/// <see cref="Base"/> and are documented in docs/fhir.md; the CodeSystems are published in schemas/fhir/.
/// </summary>
public static class FhirUris
{
    public const string Base = "https://healthcode.example.org/fhir";

    public const string CanonicalLevelCodeSystem = Base + "/CodeSystem/health-code-level";
    public const string NativeLevelCodeSystemPrefix = Base + "/CodeSystem/native-level-";
    public const string ObservationCodeSystem = Base + "/CodeSystem/observation-code";

    public const string DocumentIdentifierSystemPrefix = Base + "/sid/document/";
    public const string HealthCodeIdentifierSystemPrefix = Base + "/sid/health-code/";
    public const string RegionIdentifierSystem = Base + "/sid/region";

    public const string VaccinationDoseCountExtension = Base + "/StructureDefinition/vaccination-dose-count";

    public const string Loinc = "http://loinc.org";
    public const string SnomedCt = "http://snomed.info/sct";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    public const string Icd11Mms = "http://id.who.int/icd/release/11/mms";
    public const string Iso3166 = "urn:iso:std:iso:3166";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string PatientNationalityExtension = "http://hl7.org/fhir/StructureDefinition/patient-nationality";

    /// <summary>One CodeSystem per region because native values collide across regions with different meanings ("0" is green in 310000, unknown in 440000).</summary>
    public static string NativeLevelCodeSystem(string issuer) => NativeLevelCodeSystemPrefix + issuer;

    /// <summary>Code values are unique only within their issuer, so the issuer is part of the system.</summary>
    public static string HealthCodeIdentifierSystem(string issuer) => HealthCodeIdentifierSystemPrefix + issuer;

    /// <summary>documentType is one of the canonical DocumentTypes (resident-id, passport, ...).</summary>
    public static string DocumentIdentifierSystem(string documentType) => DocumentIdentifierSystemPrefix + documentType;
}
