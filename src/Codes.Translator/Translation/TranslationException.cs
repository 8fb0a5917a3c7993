namespace HealthCode.Translator.Translation;

public enum TranslationError
{
    UnknownRegion,
    UnknownValue,
}

/// <summary>ParamName is the offending parameter ("from", "to", "level", "subStatus"), so the API can name it in a 400.</summary>
public sealed class TranslationException : ArgumentException
{
    public TranslationException(string paramName, TranslationError error, string message)
        : base(message, paramName)
    {
        Error = error;
    }

    public TranslationError Error { get; }
}
