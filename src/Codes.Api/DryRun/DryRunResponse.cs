using HealthCode.Translator.Profiles;
namespace HealthCode.Api.DryRun;

/// <summary>
/// The dry run's answer, always 200 once the request itself is sound. With ProfileErrors no sample is run: a draft
/// that does not compile has nothing to run them with. ProfileWarnings never stop a run (e.g. a missing FHIR CodeSystem).
/// </summary>
public sealed record DryRunResponse(
    IReadOnlyList<ProfileError> ProfileErrors,
    IReadOnlyList<ProfileWarning> ProfileWarnings,
    IReadOnlyList<DryRunSampleResult> Samples,
    DryRunSummary Summary);
