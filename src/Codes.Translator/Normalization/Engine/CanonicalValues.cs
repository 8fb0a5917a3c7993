using System.Text.Json;
using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Reads a value a profile assigns (a map entry or a constant) as the canonical field's kind, or reports why it cannot.</summary>
internal static class CanonicalValues
{
    public static CanonicalValue? Convert(CanonicalField target, JsonElement value, string at, ProfileErrors errors)
    {
        var (converted, problem) = Read(CanonicalFields.KindOf(target), value);
        if (problem is not null)
        {
            errors.Add(at, problem);
        }

        return converted;
    }

    private static (CanonicalValue? Value, string? Problem) Read(CanonicalKind kind, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (kind)
        {
            case CanonicalKind.Level when RiskLevels.TryParse(text, out var level):
                return (new CanonicalValue(Level: level), null);
            case CanonicalKind.Level:
                return (null, $"{value} is not a canonical level (green, yellow, red, unknown)");
            case CanonicalKind.DocumentType when text is not null && DocumentTypes.All.Contains(text):
                return (new CanonicalValue(Text: text), null);
            case CanonicalKind.DocumentType:
                return (null, $"{value} is not a canonical document type ({string.Join(", ", DocumentTypes.All)})");
            case CanonicalKind.NatResult when text is not null && NatResults.All.Contains(text):
                return (new CanonicalValue(Text: text), null);
            case CanonicalKind.NatResult:
                return (null, $"{value} is not a canonical NAT result ({string.Join(", ", NatResults.All)})");
            case CanonicalKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return (new CanonicalValue(Boolean: value.GetBoolean()), null);
            case CanonicalKind.Boolean:
                return (null, $"{value} is not a boolean");
            case CanonicalKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n):
                return (new CanonicalValue(Integer: n), null);
            case CanonicalKind.Integer:
                return (null, $"{value} is not an integer");
            case CanonicalKind.Time:
                return (null, "times cannot be mapped constants");
            default:
                return text is null ? (null, $"{value} is not a string") : (new CanonicalValue(Text: text), null);
        }
    }
}
