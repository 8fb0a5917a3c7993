using System.Text.RegularExpressions;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// Answers "is this code valid here, now, for this scene?" from the status store and the checkpoint's policy.
/// Never throws for store faults: any failure or timeout reading the store answers manual (store-unavailable).
/// See <see cref="ReasonSet"/> for how reasons become a decision.
/// </summary>
public sealed partial class VerificationService(
    IStatusStore store,
    IRegionCatalog regions,
    PolicyCatalog policies,
    TimeProvider time,
    VerificationOptions? options = null)
{
    private readonly VerificationOptions _options = options ?? new VerificationOptions();

    public async Task<VerifyOutcome> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request, out var code) is { } problem) return VerifyOutcome.Unprocessable(problem);
        if (ResolveIssuer(code, request.Issuer, out var issuer) is { } issuerProblem) return VerifyOutcome.Unprocessable(issuerProblem);

        var checkpoint = request.Checkpoint;
        var policy = policies.ForCheckpoint(checkpoint.Region);
        var lookup = await LookupAsync(issuer.Id, code, cancellationToken);
        var now = time.GetUtcNow();
        var reasons = new ReasonSet();
        var level = RiskLevel.Unknown;
        var entry = lookup?.Entry;

        if (lookup is null) reasons.Add(ReasonCodes.StoreUnavailable, Decision.Manual);
        else if (entry is null) reasons.Add(ReasonCodes.UnknownCode, Decision.Manual);
        else if (entry.Revoked) reasons.Add(ReasonCodes.Revoked, Decision.Manual);
        else level = Judge(entry, lookup!.OtherCodesOfHolder, issuer, checkpoint.Scene, policy, now, reasons);

        var decision = reasons.Decide();
        return VerifyOutcome.Decided(new VerifyResponse(
            Decision: decision.ToString().ToLowerInvariant(),
            Level: level.ToWire(),
            Issuer: issuer.Id,
            Display: new DisplayInfo(checkpoint.Region, LabelFor(checkpoint.Region, level), LevelColors.For(level)),
            Holder: entry is null ? null : new HolderInfo(entry.MaskedName, entry.MaskedDocument),
            Reasons: reasons.Reasons,
            Status: entry is null ? null : new StatusInfo(entry.Sequence, entry.StatusAt, AgeSeconds(entry, now)),
            Policy: new PolicyInfo(policy.Id, policy.Version),
            CheckedAt: now));
    }

    // Adds every reason that applies to a live (not revoked) status and returns the level the decision uses.
    private RiskLevel Judge(StatusEntry entry, IReadOnlyList<StatusEntry> others, RegionProfile issuer, string scene,
        AcceptancePolicy policy, DateTimeOffset now, ReasonSet reasons)
    {
        RiskLevels.TryParse(entry.Level, out var own);
        if (now - entry.StatusAt > issuer.MaxStatusAgeSpan) reasons.Add(ReasonCodes.StaleStatus, Decision.Manual);
        if (entry.ValidUntil is { } until && now > until) reasons.Add(ReasonCodes.CodeExpired, Decision.Deny);

        var level = own;
        foreach (var other in others)
        {
            if (IsCurrent(other, now)) level = RiskLevels.MostRestrictive(level, Parse(other.Level));
        }
        var levelRule = policy.LevelRuleFor(level.ToWire(), scene);
        if (level != own) reasons.Add(ReasonCodes.OtherCodeRestricts, levelRule.Decision == Decision.Accept ? Decision.Manual : levelRule.Decision);
        if (levelRule.Decision != Decision.Accept) reasons.Add(levelRule.Reason ?? ReasonCodes.LevelUnknown, levelRule.Decision);

        foreach (var requirement in policy.Requirements)
        {
            if (requirement.AppliesTo(scene, issuer.Id) && !RequirementEvaluator.IsMet(requirement, entry, now, _options.ClockSkew))
                reasons.Add(requirement.Reason, requirement.Decision);
        }
        return level;
    }

    // Another code restricts its holder while it is neither revoked, stale nor expired. A code whose issuer is not
    // loaded cannot be shown stale, so it counts (fail closed).
    private bool IsCurrent(StatusEntry other, DateTimeOffset now)
    {
        if (other.Revoked || other.ValidUntil is { } until && now > until) return false;
        var profile = regions.Find(other.Issuer);
        return profile is null || now - other.StatusAt <= profile.MaxStatusAgeSpan;
    }

    private static RiskLevel Parse(string level) => RiskLevels.TryParse(level, out var parsed) ? parsed : RiskLevel.Unknown;

    private static long AgeSeconds(StatusEntry entry, DateTimeOffset now) =>
        Math.Max(0, (long)Math.Floor((now - entry.StatusAt).TotalSeconds));

    private async Task<StatusLookup?> LookupAsync(string issuer, string code, CancellationToken ct)
    {
        try
        {
            return await store.GetAsync(issuer, code, ct).WaitAsync(_options.StoreDeadline, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // Whatever went wrong, the scanner gets a bounded, fail-closed answer rather than an error.
            return null;
        }
    }

    // The checkpoint's own vocabulary: its exact region's profile, else its province's, else the national one.
    private string LabelFor(string region, RiskLevel level)
    {
        var profile = regions.Find(region)
            ?? regions.Find(string.Concat(region.AsSpan(0, 2), "0000"))
            ?? regions.Find("000000");
        return profile?.LabelFor(level) ?? level.ToWire();
    }

    private static VerifyProblem? Validate(VerifyRequest request, out string code)
    {
        code = request.Code?.Trim() ?? "";
        if (code.Length == 0) return new VerifyProblem(VerifyProblemCodes.CodeMissing, "code", "The scanned code is empty.");
        if (request.Checkpoint is null || !RegionPattern().IsMatch(request.Checkpoint.Region ?? ""))
            return new VerifyProblem(VerifyProblemCodes.RegionInvalid, "checkpoint.region", "The checkpoint region must be a six-digit region code.");
        if (!Scenes.All.Contains(request.Checkpoint.Scene ?? ""))
            return new VerifyProblem(VerifyProblemCodes.SceneInvalid, "checkpoint.scene", $"The scene must be one of: {string.Join(", ", Scenes.All)}.");
        return null;
    }

    private VerifyProblem? ResolveIssuer(string code, string? requested, out RegionProfile issuer)
    {
        issuer = null!;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var profile = regions.Find(requested);
            if (profile is null)
                return new VerifyProblem(VerifyProblemCodes.IssuerUnknown, "issuer", $"No region '{requested}' is loaded.");
            if (!profile.CodeRegex.IsMatch(code))
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

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex RegionPattern();
}
