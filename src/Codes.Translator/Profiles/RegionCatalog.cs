using HealthCode.Translator.Schemas;
using System.Text.Json;
using HealthCode.Translator.Normalization.Engine;
using NJsonSchema;

namespace HealthCode.Translator.Profiles;

/// <summary>
/// The region profiles of one folder (schemas/regions/*.json), each validated against schemas/region-profile.schema.json and then
/// checked semantically. Adding a region is adding a file: nothing here knows any region.
/// </summary>
public sealed class RegionCatalog : IRegionCatalog
{
    public const string SchemaFileName = "region-profile.schema.json";

    private static readonly JsonSerializerOptions ProfileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly Dictionary<string, CompiledProfile> _byId;

    private RegionCatalog(IEnumerable<CompiledProfile> profiles)
    {
        _byId = profiles.ToDictionary(p => p.Profile.Id, StringComparer.Ordinal);
        All = _byId.Values.Select(p => p.Profile).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<RegionProfile> All { get; }

    public RegionProfile? Find(string regionId) => _byId.TryGetValue(regionId, out var compiled) ? compiled.Profile : null;

    public IReadOnlyList<RegionProfile> DetectIssuers(string code)
    {
        var matches = new List<RegionProfile>(1);
        foreach (var compiled in _byId.Values)
        {
            try
            {
                if (compiled.CodeRegex.IsMatch(code))
                {
                    matches.Add(compiled.Profile);
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A pathological scan cannot be attributed to this region: fail closed by not matching.
            }
        }

        return matches.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    internal CompiledProfile? CompiledFor(RegionProfile profile) =>
        _byId.TryGetValue(profile.Id, out var compiled) && ReferenceEquals(compiled.Profile, profile) ? compiled : null;

    /// <summary>
    /// Loads every *.json in <paramref name="regionsDirectory"/>. The schema defaults to region-profile.schema.json in the parent
    /// folder (the repository's schemas/ layout). Throws <see cref="ProfileLoadException"/> naming the file and field on any problem.
    /// </summary>
    public static RegionCatalog LoadFromDirectory(string regionsDirectory, string? schemaPath = null)
    {
        schemaPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(regionsDirectory).TrimEnd(Path.DirectorySeparatorChar))!, SchemaFileName);
        if (!File.Exists(schemaPath))
        {
            throw new ProfileLoadException(schemaPath, "(file)", "the region-profile schema was not found");
        }

        var schema = JsonSchema.FromJsonAsync(File.ReadAllText(schemaPath)).GetAwaiter().GetResult();
        var files = Directory.GetFiles(regionsDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var profiles = new List<CompiledProfile>(files.Length);
        foreach (var file in files)
        {
            profiles.Add(LoadFile(file, schema));
        }

        var duplicate = profiles.GroupBy(p => p.Profile.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ProfileLoadException(files[profiles.LastIndexOf(duplicate.Last())], "id", $"region {duplicate.Key} is defined more than once");
        }

        return new RegionCatalog(profiles);
    }

    private static CompiledProfile LoadFile(string file, JsonSchema schema)
    {
        var name = Path.GetFileName(file);
        var text = File.ReadAllText(file);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(text);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or FormatException)
        {
            throw new ProfileLoadException(name, "(file)", "not valid JSON: " + ex.Message, ex);
        }

        if (errors.Count > 0)
        {
            throw new ProfileLoadException(name, SchemaErrors.FirstField(errors), SchemaErrors.Describe(errors));
        }

        RegionProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<RegionProfile>(text, ProfileJson)
                ?? throw new ProfileLoadException(name, "(root)", "the profile is null");
        }
        catch (JsonException ex)
        {
            throw new ProfileLoadException(name, ex.Path ?? "(root)", ex.Message, ex);
        }

        if (Path.GetFileNameWithoutExtension(file) != profile.Id)
        {
            throw new ProfileLoadException(name, "id", $"the id '{profile.Id}' does not match the file name");
        }

        return ProfileCompiler.Compile(profile, name);
    }
}
