using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Regions;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// The one owner of what a verify request must be, for every caller (HTTP, dry run, CLI). <see cref="Check"/>: the
/// request's shape and its checkpoint (problems make it invalid, 400); <see cref="ResolveIssuer"/>: whether a well-formed
/// code can be attributed to one loaded issuer (a problem makes it unprocessable, 422).
/// </summary>
public sealed class VerifyRequestRules(IRegionCatalog regions)
{
    public const int MaxCodeLength = 512;
    public const int MaxCheckpointIdLength = 128;

    private static readonly string SceneList = string.Join(", ", Scenes.All.Order(StringComparer.Ordinal));

    /// <summary>Every field problem of the request, in field order; empty when it may be decided.</summary>
    public IReadOnlyList<VerifyProblem> Check(VerifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The list is made only for a request with a problem: a valid one (nearly every scan) allocates nothing here.
        List<VerifyProblem>? problems = null;
        if (string.IsNullOrWhiteSpace(request.Code))
            (problems ??= []).Add(new(VerifyProblemCodes.CodeMissing, "code", "code is required."));
        else if (request.Code.Length > MaxCodeLength)
            (problems ??= []).Add(new(VerifyProblemCodes.CodeTooLong, "code", $"code may be at most {MaxCodeLength} characters."));
        if (CheckCheckpoint(request.Checkpoint) is { Count: > 0 } checkpointProblems) (problems ??= []).AddRange(checkpointProblems);
        if (!string.IsNullOrEmpty(request.Issuer) && !RegionIds.IsWellFormed(request.Issuer))
            (problems ??= []).Add(new(VerifyProblemCodes.IssuerInvalid, "issuer", "issuer must be a six-digit region code."));
        return problems ?? [];
    }

    /// <summary>
    /// A checkpoint stands in a known region (six digits, in a province the catalogue has a profile for: an unknown
    /// place has no policy and no vocabulary, so it is refused rather than judged by the default), in a known scene.
    /// </summary>
    public IReadOnlyList<VerifyProblem> CheckCheckpoint(CheckpointInfo? checkpoint)
    {
        if (checkpoint is null) return [new(VerifyProblemCodes.CheckpointMissing, "checkpoint", "checkpoint is required.")];
        List<VerifyProblem>? problems = null;
        if (!RegionIds.IsKnown(checkpoint.Region, regions))
            (problems ??= []).Add(new(VerifyProblemCodes.RegionInvalid, "checkpoint.region",
                "checkpoint.region must be a six-digit region code in a province with a loaded profile."));
        if (checkpoint.Scene is null || !Scenes.All.Contains(checkpoint.Scene))
            (problems ??= []).Add(new(VerifyProblemCodes.SceneInvalid, "checkpoint.scene", $"checkpoint.scene must be one of: {SceneList}."));
        if (checkpoint.Id is { Length: > MaxCheckpointIdLength })
            (problems ??= []).Add(new(VerifyProblemCodes.CheckpointIdTooLong, "checkpoint.id", $"checkpoint.id may be at most {MaxCheckpointIdLength} characters."));
        return problems ?? [];
    }

    /// <summary>The requested issuer if it is loaded and its pattern matches the code, else the one issuer whose pattern does.</summary>
    public VerifyProblem? ResolveIssuer(string code, string? requested, out RegionProfile issuer)
    {
        ArgumentNullException.ThrowIfNull(code);
        issuer = null!;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var profile = regions.Find(requested);
            if (profile is null)
                return new VerifyProblem(VerifyProblemCodes.IssuerUnknown, "issuer", $"No region '{requested}' is loaded.");
            if (!profile.MatchesCode(code))
                return new VerifyProblem(VerifyProblemCodes.CodeIssuerMismatch, "code", $"The code does not match the pattern of issuer {profile.Id}.");
            issuer = profile;
            return null;
        }
        var candidates = regions.DetectIssuers(code);
        if (candidates.Count == 0)
            return new VerifyProblem(VerifyProblemCodes.IssuerNotDetected, "code", "The code matches no region's code pattern; pass the issuer.");
        if (candidates.Count > 1)
            return new VerifyProblem(VerifyProblemCodes.IssuerAmbiguous, "code",
                $"The code matches several regions ({string.Join(", ", candidates.Select(c => c.Id))}); pass the issuer.");
        issuer = candidates[0];
        return null;
    }
}
