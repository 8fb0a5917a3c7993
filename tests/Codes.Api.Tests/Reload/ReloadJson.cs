namespace HealthCode.Api.Tests.Reload;

/// <summary>Reads the parts of a reload report (POST /v1/admin/reload) the tests look at.</summary>
public static class ReloadJson
{
    public static IReadOnlyList<string> Ids(JsonElement report, string catalogue, string change) =>
        [.. report.GetProperty(catalogue).GetProperty(change).EnumerateArray().Select(e => e.GetString()!)];

    public static JsonElement Active(JsonElement report, string catalogue, string id) =>
        report.GetProperty(catalogue).GetProperty("active").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    public static IReadOnlyList<JsonElement> Refused(JsonElement report, string catalogue) =>
        [.. report.GetProperty(catalogue).GetProperty("refused").EnumerateArray()];

    public static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new AssertionException($"{property} is null");
}
