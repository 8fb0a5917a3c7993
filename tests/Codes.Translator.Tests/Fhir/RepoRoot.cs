using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthCode.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"HealthCode.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
