using System.Security.Cryptography;

namespace HealthCode.Api.Tests.Reload;

/// <summary>
/// The embedded Development host over its own copy of schemas/ (HealthCode:Schemas points at it), so a test can edit,
/// add and delete profile and policy files and reload them. The watcher is off unless asked for, so a test's POST is
/// the only reload.
/// </summary>
public sealed class ReloadHost : IDisposable
{
    public ReloadHost(bool watch = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Schemas = Directory.CreateTempSubdirectory("hc-reload-").FullName;
        Copy(Path.Combine(AppContext.BaseDirectory, "schemas"), Schemas);
        var all = new Dictionary<string, string?>
        {
            ["HealthCode:Schemas"] = Schemas,
            ["HealthCode:Reload:Watch"] = watch ? "true" : "false",
            ["HealthCode:Reload:Debounce"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Factory = new ApiFactory(settings: all) { ExtraServices = Logs.AddTo };
        Client = Factory.ClientWithKey();
    }

    public string Schemas { get; }

    public ApiFactory Factory { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; } = new();

    public string PathOf(string relative) => Path.Combine(Schemas, relative);

    /// <summary>The first 16 hex digits of the SHA-256 of the file as it is now: what the service must report once it is loaded.</summary>
    public string HashOf(string relative) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf(relative))))[..16];

    public void Edit(string relative, params (string From, string To)[] replacements)
    {
        var text = File.ReadAllText(PathOf(relative));
        foreach (var (from, to) in replacements)
        {
            Assert.That(text, Does.Contain(from), $"{relative} must contain what the test replaces");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        File.WriteAllText(PathOf(relative), text);
    }

    public void Write(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    public async Task<JsonElement> ReloadAsync()
    {
        var response = await Client.PostAsync("/v1/admin/reload", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> RegionAsync(string id) => await Client.GetFromJsonAsync<JsonElement>($"/v1/regions/{id}");

    public async Task<JsonElement> VerifyAsync(string code, string region = "110105", string scene = "general")
    {
        var response = await Client.PostAsync("/v1/verify", Requests.Verify(code, region, scene));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
    {
        var response = await Factory.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Directory.Delete(Schemas, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
