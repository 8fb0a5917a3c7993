using HealthCode.Verifier.Regional;

namespace HealthCode.Api.Regional;

/// <summary>
/// GET /v1/regions/{region}/freshness. Silent only for a region that declares maxSilence and has given no sign (event
/// or heartbeat) for longer; then verify answers manual (issuer-silent) for its codes. Lag: publish→applied over the
/// last LagWindow.
/// </summary>
public sealed record FreshnessResponse(
    string Region,
    string? MaxSilence,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? LastHeartbeatAt,
    bool Silent,
    long? SecondsSinceLastSign,
    LagSummary Lag);
