using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;

namespace HealthCode.Api.DryRun;

/// <summary>
/// One sample's outcome. Record is null when the payload did not normalize; Errors then maps each native pointer
/// ("/hs/jg", "" for the payload as a whole) to its messages. Errors may also name a sample field ("checkpoint.region")
/// when verify could not run.
/// </summary>
public sealed record DryRunSampleResult(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] CanonicalRecord? Record,
    IReadOnlyList<NormalizationWarning> Warnings,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<Mismatch> Mismatches,
    JsonElement? Fhir,
    DryRunVerify? Verify);
