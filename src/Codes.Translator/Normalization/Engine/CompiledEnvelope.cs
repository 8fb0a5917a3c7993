namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A wrapper around the payload: DataPath holds it; OkPath, when set, must hold one of OkValues.</summary>
internal sealed record CompiledEnvelope(string DataPath, string? OkPath, IReadOnlySet<string>? OkValues);
