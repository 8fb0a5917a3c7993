namespace HealthCode.Translator.Profiles;

/// <summary>
/// Hard expiry derived from the status time. EndOfDayIn: valid until 23:59:59 of the issuing day in that zone
/// (Hong Kong). After: valid for an ISO 8601 duration after the status time.
/// </summary>
public sealed record ValidityRule(string? EndOfDayIn = null, string? After = null);
