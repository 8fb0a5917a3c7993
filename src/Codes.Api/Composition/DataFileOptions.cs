using Microsoft.Extensions.Options;

namespace HealthCode.Api.Composition;

/// <summary>
/// Where the data files are: HealthCode:Schemas (the schemas/ root: regions/, policies/, the JSON Schemas and, when
/// present, trust/) and HealthCode:TrustDirectory (trust files elsewhere).
/// </summary>
public sealed class DataFileOptions
{
    public const string Section = "HealthCode";
    public const string SchemasKey = Section + ":" + nameof(Schemas);

    public string Schemas { get; set; } = Path.Combine(AppContext.BaseDirectory, "schemas");

    public string? TrustDirectory { get; set; }

    public string Regions => Path.Combine(Schemas, "regions");

    public string Policies => Path.Combine(Schemas, "policies");

    /// <summary>The configured trust folder, else schemas/trust when it exists, else none (no region signs).</summary>
    public string? TrustFolder => !string.IsNullOrEmpty(TrustDirectory) ? TrustDirectory
        : Directory.Exists(Path.Combine(Schemas, "trust")) ? Path.Combine(Schemas, "trust") : null;

    /// <summary>Read once while composing: the trust registration takes its folder then.</summary>
    public static DataFileOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DataFileOptions>() ?? new DataFileOptions();

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<DataFileOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataFileOptions>, DataFileOptionsValidator>();
    }
}
