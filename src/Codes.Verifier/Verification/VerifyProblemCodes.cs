namespace HealthCode.Verifier.Verification;

/// <summary>Stable codes for <see cref="VerifyProblem"/>.</summary>
public static class VerifyProblemCodes
{
    public const string CodeMissing = "code-missing";
    public const string IssuerNotDetected = "issuer-not-detected";
    public const string IssuerAmbiguous = "issuer-ambiguous";
    public const string IssuerUnknown = "issuer-unknown";
    public const string CodeIssuerMismatch = "code-issuer-mismatch";
    public const string RegionInvalid = "region-invalid";
    public const string SceneInvalid = "scene-invalid";
}
