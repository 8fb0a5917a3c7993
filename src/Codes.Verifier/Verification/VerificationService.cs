using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Regions;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// Answers "is this code valid here, now, for this scene?" from the status store and the checkpoint's policy.
/// <see cref="VerifyAsync"/> checks the request (<see cref="Rules"/>), reads the store, and decides; <see cref="Decide"/>
/// decides on entries the caller already has (dry runs, tools). Both end in the same private decision, so a store
/// read and a dry run can never judge differently. Never throws for store faults: any failure or timeout reading the
/// store answers manual (store-unavailable). For an issuer that declares maxSilence, verify also reads the region's
/// signs of life from the <see cref="IRegionalLedger"/>, alongside the status and within the same deadline: silent past
/// the budget adds issuer-silent, an unanswered read store-unavailable (both manual). See <see cref="ReasonSet"/> for
/// how reasons become a decision.
/// </summary>
public sealed class VerificationService(
    IStatusStore store,
    IRegionalLedger ledger,
    IRegionCatalog regions,
    IPolicyCatalog policies,
    TimeProvider time,
    IOptions<VerificationOptions> options)
{
    private readonly VerificationOptions _options = options.Value;

    public VerifyRequestRules Rules { get; } = new(regions);

    public async Task<VerifyOutcome> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Rules.Check(request) is { Count: > 0 } problems) return VerifyOutcome.Invalid(problems);
        var code = request.Code.Trim();
        if (Rules.ResolveIssuer(code, request.Issuer, out var issuer) is { } problem) return VerifyOutcome.Unprocessable(problem);

        // Both reads go out at once: the silence check costs no extra round trip of latency. Most issuers promise no
        // silence budget, and then verify waits on the status read alone.
        var lookup = LookupAsync(issuer.Id, code, cancellationToken);
        var silence = SilenceBudget.Of(issuer) is { } budget ? await SilenceAsync(issuer, budget, cancellationToken) : null;
        return VerifyOutcome.Decided(Decide(issuer, await lookup, request.Checkpoint!, time.GetUtcNow(), silence));
    }

    /// <summary>
    /// The decision verify would give for <paramref name="entry"/> if the store held it and the holder's other codes,
    /// at <paramref name="at"/>: no store involved, so no issuer-silent either (silence is a fact about the live feed,
    /// not about a record). The checkpoint must pass <see cref="VerifyRequestRules.CheckCheckpoint"/>
    /// and the entry's issuer must be loaded; anything else is a caller error (ArgumentException), never a decision.
    /// </summary>
    public VerifyResponse Decide(StatusEntry entry, IReadOnlyList<StatusEntry> holderOtherCodes, CheckpointInfo checkpoint, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(holderOtherCodes);
        if (Rules.CheckCheckpoint(checkpoint) is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Detail)), nameof(checkpoint));
        var issuer = regions.Find(entry.Issuer)
            ?? throw new ArgumentException($"No profile for the entry's issuer '{entry.Issuer}' is loaded.", nameof(entry));
        return Decide(issuer, new StatusLookup(entry, holderOtherCodes), checkpoint, at, issuerReason: null);
    }

    // The one decision. lookup null: the store did not answer. issuerReason: issuer-silent or store-unavailable from the silence check.
    private VerifyResponse Decide(RegionProfile issuer, StatusLookup? lookup, CheckpointInfo checkpoint, DateTimeOffset now, string? issuerReason)
    {
        var policy = policies.ForCheckpoint(checkpoint.Region);
        var reasons = new ReasonSet();
        var level = RiskLevel.Unknown;
        var entry = lookup?.Entry;

        if (lookup is null) reasons.Add(ReasonCodes.StoreUnavailable, Decision.Manual);
        else if (entry is null) reasons.Add(ReasonCodes.UnknownCode, Decision.Manual);
        else if (entry.Revoked) reasons.Add(ReasonCodes.Revoked, Decision.Manual);
        else level = Judge(entry, lookup.OtherCodesOfHolder, issuer, checkpoint.Scene, policy, now, reasons);
        if (issuerReason is not null) reasons.Add(issuerReason, Decision.Manual);

        return new VerifyResponse(
            Decision: reasons.Decide(),
            Level: level,
            Issuer: issuer.Id,
            Display: new DisplayInfo(checkpoint.Region, LabelFor(checkpoint.Region, level), LevelColors.For(level)),
            Holder: entry is null ? null : new HolderInfo(entry.MaskedName, entry.MaskedDocument),
            Reasons: reasons.Reasons,
            Status: entry is null ? null : new StatusInfo(entry.Sequence, entry.StatusAt, AgeSeconds(entry, now)),
            Policy: new PolicyInfo(policy.Id, policy.Version, policy.Hash),
            IssuerProfile: new IssuerProfileInfo(issuer.Id, issuer.Version, issuer.Hash),
            CheckedAt: now);
    }

    // Adds every reason that applies to a live (not revoked) status and returns the level the decision uses.
    private RiskLevel Judge(StatusEntry entry, IReadOnlyList<StatusEntry> others, RegionProfile issuer, string scene,
        AcceptancePolicy policy, DateTimeOffset now, ReasonSet reasons)
    {
        var own = entry.Level;
        if (now - entry.StatusAt > issuer.MaxStatusAgeSpan) reasons.Add(ReasonCodes.StaleStatus, Decision.Manual);
        if (entry.ValidUntil is { } until && now > until) reasons.Add(ReasonCodes.CodeExpired, Decision.Deny);

        var level = own;
        // Indexed loops here and below: interface enumerators would be allocated on every scan.
        for (var i = 0; i < others.Count; i++)
        {
            if (IsCurrent(others[i], now)) level = RiskLevels.MostRestrictive(level, others[i].Level);
        }
        var levelRule = policy.LevelRuleFor(level, scene);
        if (level != own) reasons.Add(ReasonCodes.OtherCodeRestricts, levelRule.Decision == Decision.Accept ? Decision.Manual : levelRule.Decision);
        if (levelRule.Decision != Decision.Accept) reasons.Add(levelRule.Reason ?? ReasonCodes.LevelUnknown, levelRule.Decision);

        for (var i = 0; i < policy.Requirements.Count; i++)
        {
            var requirement = policy.Requirements[i];
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

    // Null when the issuer kept its silence promise.
    private async Task<string?> SilenceAsync(RegionProfile issuer, TimeSpan budget, CancellationToken ct)
    {
        try
        {
            var signs = await ledger.GetSignsAsync(issuer.Id, ct).WaitAsync(_options.StoreDeadline, ct);
            return SilenceBudget.IsSilent(signs, budget, time.GetUtcNow()) ? ReasonCodes.IssuerSilent : null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // Unknown freshness is never taken for fresh.
            return ReasonCodes.StoreUnavailable;
        }
    }

    // The checkpoint's own vocabulary: the first profile along its fallback chain (region, province, nation).
    private string LabelFor(string region, RiskLevel level)
    {
        var (first, then, last) = RegionIds.Chain(region);
        var profile = regions.Find(first) ?? (then is null ? null : regions.Find(then)) ?? (last is null ? null : regions.Find(last));
        return profile?.LabelFor(level) ?? level.ToWire();
    }
}
