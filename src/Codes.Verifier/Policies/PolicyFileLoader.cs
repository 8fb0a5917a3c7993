using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Schemas;
using HealthCode.Translator.Serialization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HealthCode.Verifier.Policies;

internal static class PolicyFileLoader
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new RiskLevelJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static PolicyCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Policy folder '{directory}' does not exist.");
        var files = Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var policies = files.Select(ReadFile).ToList();
        var defaults = policies.FirstOrDefault(p => p.Id == PolicyCatalog.DefaultId)
            ?? throw new PolicyLoadException(Path.Combine(directory, "default.json"), "id", "the default policy is missing.");
        return new PolicyCatalog(defaults, policies.Where(p => p.Id != PolicyCatalog.DefaultId));
    }

    public static PolicyCatalogLoad ReadDirectory(string directory)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PolicyCatalogLoad([], [new PolicyFileError(directory, "$", "the folder cannot be read: " + ex.Message)]);
        }

        var policies = new List<AcceptancePolicy>(files.Length);
        var failures = new List<PolicyFileError>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            try
            {
                policies.Add(ReadFile(file));
            }
            catch (PolicyLoadException ex)
            {
                failures.Add(new PolicyFileError(Path.GetFileName(file), ex.Field, ex.Problem));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(new PolicyFileError(Path.GetFileName(file), "$", "the file cannot be read: " + ex.Message));
            }
        }
        return new PolicyCatalogLoad(policies, failures);
    }

    internal static AcceptancePolicy ReadFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        CheckSyntax(file, text);
        var errors = Schema.Value.Validate(text);
        if (errors.Count > 0)
        {
            var first = SchemaErrors.Leaves(errors).First();
            throw new PolicyLoadException(file, SchemaErrors.FieldOf(first), SchemaErrors.Describe(errors));
        }
        var policy = JsonSerializer.Deserialize<AcceptancePolicy>(text, Json)
            ?? throw new PolicyLoadException(file, "$", "empty document.");
        CheckMeaning(file, policy);
        // As for region profiles: tells two loads of a file apart even when its version was not bumped.
        return policy with { Hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    // The schema validator throws on text that is not JSON at all; say so with the position instead.
    private static void CheckSyntax(string file, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new PolicyLoadException(file, "$", "not valid JSON: " + ex.Message);
        }
    }

    // What the schema cannot say: the id names the file, the default covers every level, regional files only add.
    private static void CheckMeaning(string file, AcceptancePolicy policy)
    {
        if (policy.Id != Path.GetFileNameWithoutExtension(file))
            throw new PolicyLoadException(file, "id", $"'{policy.Id}' does not match the file name.");
        var isDefault = policy.Id == PolicyCatalog.DefaultId;
        for (var i = 0; i < policy.Levels.Count; i++)
        {
            var rule = policy.Levels[i];
            if (rule.Decision != Decision.Accept && rule.Reason is null)
                throw new PolicyLoadException(file, $"levels[{i}].reason", "a deny or manual decision needs a reason.");
            if (rule is { Level: RiskLevel.Unknown, Decision: Decision.Accept })
                throw new PolicyLoadException(file, $"levels[{i}].decision", "'unknown' never passes a checkpoint.");
            if (!isDefault && rule.Scenes is null)
                throw new PolicyLoadException(file, $"levels[{i}].scenes", "a regional level rule must name its scenes (it only adds to the default).");
            if (isDefault && rule.Scenes is not null)
                throw new PolicyLoadException(file, $"levels[{i}].scenes", "the default policy's level rules apply to every scene.");
        }
        if (isDefault)
        {
            foreach (var level in Enum.GetValues<RiskLevel>())
            {
                if (policy.Levels.Count(r => r.Level == level) != 1)
                    throw new PolicyLoadException(file, "levels", $"the default policy needs exactly one rule for '{level.ToWire()}'.");
            }
        }
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(PolicyFileLoader).Assembly.GetManifestResourceStream("HealthCode.Verifier.policy.schema.json")
            ?? throw new InvalidOperationException("policy.schema.json is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        // No external references in the schema, so this completes synchronously.
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }
}
