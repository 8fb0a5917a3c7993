namespace HealthCode.Cli.Commands;

/// <summary>The content type a payload file's extension implies; null when it implies none.</summary>
public static class ContentTypes
{
    public const string Json = "application/json";
    public const string Xml = "application/xml";

    public static string? ForFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => Json,
        ".xml" => Xml,
        _ => null,
    };
}
