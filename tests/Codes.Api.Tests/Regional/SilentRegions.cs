using System.Text.Json.Nodes;
using HealthCode.Translator.Profiles;

namespace HealthCode.Api.Tests.Regional;

/// <summary>The shipped profiles with a silence budget added to some, loaded through the schema as a deployment would.</summary>
public static class SilentRegions
{
    public static RegionCatalog With(IReadOnlyDictionary<string, string> budgets)
    {
        var schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
        var folder = Directory.CreateTempSubdirectory("hc-silent-regions-").FullName;
        try
        {
            var regions = Directory.CreateDirectory(Path.Combine(folder, "regions")).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(schemas, "regions"), "*.json"))
            {
                var profile = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                if (budgets.TryGetValue(profile["id"]!.GetValue<string>(), out var budget)) profile["maxSilence"] = budget;
                File.WriteAllText(Path.Combine(regions, Path.GetFileName(file)), profile.ToJsonString());
            }
            return RegionCatalog.LoadFromDirectory(regions);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
