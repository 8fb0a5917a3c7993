using HealthCode.Translator.Normalization.Time;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A declared array and how to choose its entry. By is the time field's path inside an entry (latest / earliest only).</summary>
internal sealed record CompiledPick(string Path, PickEntry Entry, string? By, TimeReader? Time);
