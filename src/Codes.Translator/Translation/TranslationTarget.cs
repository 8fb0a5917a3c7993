namespace HealthCode.Translator.Translation;

/// <summary>NativeLevel is the target region's own value for the level, or null when its vocabulary has none.</summary>
public sealed record TranslationTarget(string Region, string Label, string? NativeLevel);
