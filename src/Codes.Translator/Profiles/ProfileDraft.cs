using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthCode.Translator.Normalization.Engine;
using HealthCode.Translator.Schemas;

namespace HealthCode.Translator.Profiles;

/// <summary>
/// Compiles a profile that is not (yet) in the catalogue: a draft from an integrator, a file being linted or reloaded.
/// Pure, and it never throws for bad input: every problem comes back as a <see cref="ProfileError"/> naming its field.
/// </summary>
public static class ProfileDraft
{
    /// <summary>Drafts larger than this are refused unread; the shipped profiles are under 4 KiB.</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly JsonSerializerOptions DefinitionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static ProfileDraftResult Compile(string json) => Compile(Encoding.UTF8.GetBytes(json));

    public static ProfileDraftResult Compile(JsonElement json) => Compile(Encoding.UTF8.GetBytes(json.GetRawText()));

    /// <summary>The UTF-8 bytes of a profile file, as the catalogue reads it.</summary>
    public static ProfileDraftResult Compile(byte[] utf8)
    {
        var errors = new ProfileErrors();
        var profile = Read(utf8, Convert.ToHexStringLower(SHA256.HashData(utf8))[..16], errors);
        return new ProfileDraftResult(errors.Any ? null : profile, errors.All);
    }

    private static RegionProfile? Read(byte[] utf8, string hash, ProfileErrors errors)
    {
        if (utf8.Length > MaxBytes)
        {
            errors.Add("$", $"the profile is larger than {MaxBytes} bytes");
            return null;
        }

        string text;
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "a profile is a JSON object");
                return null;
            }

            DuplicateKeys.Report(document.RootElement, errors);
            text = document.RootElement.GetRawText();
        }
        catch (JsonException ex)
        {
            errors.Add("$", "not valid JSON: " + ex.Message);
            return null;
        }

        if (errors.Any)
        {
            return null;
        }

        ProfileSchema.Validate(text, errors);
        if (errors.Any)
        {
            return null;
        }

        ProfileDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<ProfileDefinition>(text, DefinitionOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(PathOf(ex), ex.Message);
            return null;
        }

        return definition is null ? null : ProfileCompiler.Compile(definition, hash, errors);
    }

    /// <summary>"$.fields[0].type" as the profile's own field path, "fields[0].type".</summary>
    private static string PathOf(JsonException ex) =>
        ex.Path is null or "$" ? "$" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;
}
