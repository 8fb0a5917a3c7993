namespace HealthCode.Api.OpenApi;

/// <summary>
/// One problem type as the OpenAPI document describes it: its stable URI, the statuses it comes with, its schema's
/// name, and a typical title and detail (the example when an operation has no example of its own).
/// Errors: the problem carries <c>errors</c> (field → messages); Extension: a further member it always carries.
/// </summary>
public sealed record ProblemKind(
    string Type,
    IReadOnlyList<int> Statuses,
    string SchemaName,
    string Title,
    string? Detail,
    string Description,
    bool Errors = false,
    string? Extension = null);
