namespace HealthCode.Verifier.Verification;

/// <summary>
/// What is wrong with a verify request. Code is stable (see <see cref="VerifyProblemCodes"/>); Field is the request
/// field at fault ("code", "issuer", "checkpoint.region" …); Detail never quotes the scanned code.
/// </summary>
public sealed record VerifyProblem(string Code, string Field, string Detail);
