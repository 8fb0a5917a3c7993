namespace HealthCode.Translator.Canonical;

public sealed record PersonInfo(string Name, DocumentInfo Document, string? Nationality);
