namespace HealthCode.Cli.Engine;

/// <summary>Where the shipped data lives: schemas/ is copied next to the tool (as the API host does), so a clone and an installed tool agree.</summary>
public static class DataPaths
{
    public static string Schemas => Path.Combine(AppContext.BaseDirectory, "schemas");
    public static string Regions => Path.Combine(Schemas, "regions");
    public static string Policies => Path.Combine(Schemas, "policies");
    public static string Fhir => Path.Combine(Schemas, "fhir");
    public static string ProfileSchema => Path.Combine(Schemas, "region-profile.schema.json");
}
