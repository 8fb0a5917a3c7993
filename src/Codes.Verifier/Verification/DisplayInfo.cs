namespace HealthCode.Verifier.Verification;

/// <summary>Region = the checkpoint's region; Label = the level in that region's vocabulary; Color = the level's colour.</summary>
public sealed record DisplayInfo(string Region, string Label, string Color);
