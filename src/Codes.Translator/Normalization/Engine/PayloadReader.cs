using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Parses a native body into a <see cref="NativePayload"/> with hard limits: payloads come from outside.</summary>
internal static class PayloadReader
{
    public const int MaxDepth = 16;
    public const int MaxBytes = 256 * 1024;

    public static PayloadReadResult Read(ProfilePlan plan, ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBytes)
        {
            return PayloadReadResult.Malformed($"payload exceeds {MaxBytes} bytes");
        }

        return plan.Definition.Format == PayloadFormat.Xml
            ? XmlPayloadReader.Read(body, plan.Definition.XmlRoot, plan.XmlNames, plan.ArrayPaths)
            : JsonPayloadReader.Read(body, plan.ArrayPaths);
    }

    /// <summary>A child's path, and its rule path (the same without array indexes: one string until an array entry is entered).</summary>
    public static (string Path, string RulePath) Child(string? path, string? rulePath, string name)
    {
        var child = path is null ? name : path + "/" + name;
        return (child, ReferenceEquals(path, rulePath) ? child : rulePath is null ? name : rulePath + "/" + name);
    }
}
