namespace HealthCode.Verifier.Verification;

/// <summary>
/// The request cannot be processed as given (the API answers 422). Code is stable (see <see cref="VerifyProblemCodes"/>);
/// Field is the request field at fault ("code", "issuer", "checkpoint.scene" …).
/// </summary>
public sealed record VerifyProblem(string Code, string Field, string Detail);
