using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HealthCode.Verifier.Trust;

/// <summary>Reads every *.json of a trust folder, each validated against trust.schema.json, into keys.</summary>
internal static class TrustFileLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TrustKey> Load(string directory, string schemaPath)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Trust folder '{directory}' does not exist.");
        if (!File.Exists(schemaPath))
            throw new TrustLoadException(schemaPath, "(file)", "the trust schema was not found.");
        // No external references in the schema, so this completes synchronously.
        var schema = JsonSchema.FromJsonAsync(File.ReadAllText(schemaPath)).GetAwaiter().GetResult();
        return Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => ReadFile(f, schema)).ToList();
    }

    private static IEnumerable<TrustKey> ReadFile(string file, JsonSchema schema)
    {
        var text = File.ReadAllText(file);
        ICollection<ValidationError> errors;
        try
        {
            errors = schema.Validate(text);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or FormatException)
        {
            throw new TrustLoadException(file, "(file)", "not valid JSON.");
        }
        if (errors.Count > 0)
            throw new TrustLoadException(file, FieldOf(Leaves(errors).First()), Describe(errors));

        TrustFile trust;
        try
        {
            trust = JsonSerializer.Deserialize<TrustFile>(text, Json) ?? throw new TrustLoadException(file, "$", "empty document.");
        }
        catch (JsonException ex)
        {
            throw new TrustLoadException(file, ex.Path ?? "$", "unreadable value.");
        }
        if (trust.Region != Path.GetFileNameWithoutExtension(file))
            throw new TrustLoadException(file, "region", $"'{trust.Region}' does not match the file name.");

        var keys = new List<TrustKey>(trust.Keys.Count);
        for (var i = 0; i < trust.Keys.Count; i++)
        {
            var key = trust.Keys[i];
            var spki = PublicKeyReader.TryRead(key.PublicKey, out var problem)
                ?? throw new TrustLoadException(file, $"keys[{i}].publicKey", problem);
            if (key.NotBefore is { } from && key.NotAfter is { } until && until <= from)
                throw new TrustLoadException(file, $"keys[{i}].notAfter", "must be later than notBefore.");
            keys.Add(new TrustKey(trust.Region, key.Id, spki, key.NotBefore, key.NotAfter, file, $"keys[{i}]"));
        }
        return keys;
    }

    private static string Describe(ICollection<ValidationError> errors) =>
        string.Join("; ", Leaves(errors).Select(e => $"{FieldOf(e)}: {e.Kind}").Distinct());

    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var nested = Leaves(child.Errors.SelectMany(e => e.Value)).ToList();
                if (nested.Count > 0)
                {
                    foreach (var leaf in nested) yield return leaf;
                    continue;
                }
            }
            yield return error;
        }
    }

    // NJsonSchema paths look like "#/keys[0].publicKey"; name the field as a reader of the file would.
    private static string FieldOf(ValidationError error)
    {
        var path = (error.Path ?? "#").TrimStart('#', '/');
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is not null && !path.EndsWith(error.Property, StringComparison.Ordinal))
            path = path.Length == 0 ? error.Property : $"{path}.{error.Property}";
        return path.Length == 0 ? "$" : path;
    }
}
