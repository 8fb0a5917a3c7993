using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.DryRun;

/// <summary>What verify would answer at the sample's checkpoint and time, with the record as the only stored status.</summary>
public sealed record DryRunVerify(
    Decision Decision,
    RiskLevel Level,
    IReadOnlyList<string> Reasons,
    PolicyInfo Policy,
    DisplayInfo Display,
    DateTimeOffset At);
