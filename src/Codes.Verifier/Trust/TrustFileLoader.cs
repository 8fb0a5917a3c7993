using System.Text.Json;
using HealthCode.Translator.Schemas;
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
            throw new TrustLoadException(file, SchemaErrors.FirstField(errors), SchemaErrors.Describe(errors));

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
}
