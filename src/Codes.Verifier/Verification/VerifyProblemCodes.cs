namespace HealthCode.Verifier.Verification;

/// <summary>Stable codes for <see cref="VerifyProblem"/>: the first group makes a request invalid (400), the second unprocessable (422).</summary>
public static class VerifyProblemCodes
{
    public const string CodeMissing = "code-missing";
    public const string CodeTooLong = "code-too-long";
    public const string CheckpointMissing = "checkpoint-missing";
    /// <summary>checkpoint.region is not six digits, or names a province no loaded profile covers (e.g. 999999).</summary>
    public const string RegionInvalid = "region-invalid";
    public const string SceneInvalid = "scene-invalid";
    public const string CheckpointIdTooLong = "checkpoint-id-too-long";
    public const string IssuerInvalid = "issuer-invalid";

    public const string IssuerNotDetected = "issuer-not-detected";
    public const string IssuerAmbiguous = "issuer-ambiguous";
    public const string IssuerUnknown = "issuer-unknown";
    public const string CodeIssuerMismatch = "code-issuer-mismatch";
}
