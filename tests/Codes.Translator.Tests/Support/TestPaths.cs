namespace HealthCode.Translator.Tests.Support;

/// <summary>Schemas and fixtures are copied beside the test assembly by the csproj.</summary>
internal static class TestPaths
{
    public static string Root => AppContext.BaseDirectory;
    public static string Schemas => Path.Combine(Root, "schemas");
    public static string Regions => Path.Combine(Schemas, "regions");
    public static string ProfileSchema => Path.Combine(Schemas, "region-profile.schema.json");
    public static string CanonicalSchema => Path.Combine(Schemas, "canonical.schema.json");
    public static string Fixtures => Path.Combine(Root, "fixtures", "regions");
}
