namespace HealthCode.Api.Tests.Support;

/// <summary>The shipped sample payloads (tests/fixtures/regions, copied to the test output as fixtures/regions).</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures", "regions");

    public const string BeijingGreenCode = "BJ-EBD659B33BC0AF834476";

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal);

    public static byte[] Read(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    public static string Region(string relative) => Path.GetDirectoryName(relative)!;

    public static string ContentType(string relative) => relative.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml" : "application/json";

    public static HttpContent Content(string relative) => Body(Read(relative), ContentType(relative));

    public static HttpContent Body(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static HttpContent Json(string json) => Body(System.Text.Encoding.UTF8.GetBytes(json), "application/json");
}
