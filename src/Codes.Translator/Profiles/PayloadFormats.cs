namespace HealthCode.Translator.Profiles;

public static class PayloadFormats
{
    /// <summary>The spelling a profile and the API use: "json" or "xml".</summary>
    public static string ToWire(this PayloadFormat format) => format == PayloadFormat.Xml ? "xml" : "json";
}
