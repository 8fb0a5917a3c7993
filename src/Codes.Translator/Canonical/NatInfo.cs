namespace HealthCode.Translator.Canonical;

/// <summary>Nucleic-acid test. Result is one of <see cref="NatResults"/>.</summary>
public sealed record NatInfo(string Result, DateTimeOffset? SampledAt, DateTimeOffset? ReportedAt);
