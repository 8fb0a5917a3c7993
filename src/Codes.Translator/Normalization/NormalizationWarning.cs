namespace HealthCode.Translator.Normalization;

/// <summary>A non-fatal finding. Code is stable (see <see cref="WarningCodes"/>); Field is the native field path where one applies.</summary>
public sealed record NormalizationWarning(string Code, string Message, string? Field = null);
