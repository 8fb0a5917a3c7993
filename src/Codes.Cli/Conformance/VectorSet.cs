namespace HealthCode.Cli.Conformance;

/// <summary>The vectors that could be read, and one line per problem with those that could not.</summary>
public sealed record VectorSet(IReadOnlyList<ConformanceVector> Vectors, IReadOnlyList<string> Errors);
