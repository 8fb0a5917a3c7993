using System.Xml.Linq;

namespace HealthCode.Api.Tests.Privacy;

/// <summary>
/// Every full name and document number in the shipped samples: person.name and person.document.number of each
/// tests/fixtures/regions/*/*.expected.json, and the raw forms in the native payloads (e.g. HKID "G014028(6)", Macau
/// "7523309(9)", the English name "CHAN TAI MAN"), read from the native fields that carry a name or a document.
/// </summary>
public static class SensitiveValues
{
    /// <summary>The native fields (last path segment) of the twelve profiles that hold a name or a document number.</summary>
    public static readonly IReadOnlySet<string> NativeFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "xm", "zjhm", "name", "idNo", "nameZh", "nameEn", "documentNumber", "idCard", "idcard", "user_name", "cert_no",
        "citizenName", "citizenId", "sfzh", "nome", "numeroDocumento", "Name", "IDNumber",
    };

    private static readonly Lazy<IReadOnlyList<string>> Values = new(Load);

    public static IReadOnlyList<string> All => Values.Value;

    private static IReadOnlyList<string> Load()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Fixtures.Root, "*.*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".expected.json", StringComparison.Ordinal))
            {
                using var expected = JsonDocument.Parse(File.ReadAllBytes(file));
                var canonical = expected.RootElement.GetProperty("canonical");
                values.Add(canonical.GetProperty("person.name").GetString()!);
                values.Add(canonical.GetProperty("person.document.number").GetString()!);
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                foreach (var element in XDocument.Load(file).Descendants().Where(e => !e.HasElements && NativeFields.Contains(e.Name.LocalName)))
                    values.Add(element.Value);
            }
            else
            {
                using var payload = JsonDocument.Parse(File.ReadAllBytes(file));
                Collect(payload.RootElement, values);
            }
        }
        values.RemoveWhere(string.IsNullOrWhiteSpace);
        return values.Order(StringComparer.Ordinal).ToList();
    }

    private static void Collect(JsonElement element, HashSet<string> values)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && NativeFields.Contains(property.Name)) values.Add(property.Value.GetString()!);
            Collect(property.Value, values);
        }
    }

    /// <summary>The sensitive values found in the text (ordinal, and case-insensitive for Latin names).</summary>
    public static IEnumerable<string> FoundIn(string text) =>
        All.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));
}
