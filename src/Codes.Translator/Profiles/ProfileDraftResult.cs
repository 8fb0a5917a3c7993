namespace HealthCode.Translator.Profiles;

/// <summary>Either a compiled profile (usable by the normalizer like any catalogue profile) or every problem found in the draft.</summary>
public sealed record ProfileDraftResult(RegionProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    public bool Succeeded => Profile is not null;
}
