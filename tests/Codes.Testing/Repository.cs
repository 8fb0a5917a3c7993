namespace HealthCode.Testing;

/// <summary>The checkout the tests run from: its scripts and the service build they start.</summary>
public static class Repository
{
    /// <summary>The directory holding HealthCode.sln, found by walking up from the test output.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HealthCode.sln"))) return dir.FullName;
        throw new InvalidOperationException("HealthCode.sln not found above " + AppContext.BaseDirectory);
    }
}
