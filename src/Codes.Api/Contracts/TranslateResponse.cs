namespace HealthCode.Api.Contracts;

/// <summary>DESIGN.md §5 translate response.</summary>
public sealed record TranslateResponse(string Level, TranslateTarget Target, bool Exact);
