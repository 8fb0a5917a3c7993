namespace HealthCode.Translator.Canonical;

/// <summary>Type is one of <see cref="DocumentTypes"/>; Number is upper case without spaces or brackets.</summary>
public sealed record DocumentInfo(string Type, string Number);
