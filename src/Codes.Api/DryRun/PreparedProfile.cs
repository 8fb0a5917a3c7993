using HealthCode.Translator.Profiles;

namespace HealthCode.Api.DryRun;

/// <summary>
/// The profile a dry run uses, ready to run: the active one of a loaded region, or a compiled draft with the catalog
/// that puts it in its region's place (so verify takes the draft as the issuer's profile).
/// </summary>
public sealed record PreparedProfile(RegionProfile Profile, IRegionCatalog Catalog, bool IsDraft);
