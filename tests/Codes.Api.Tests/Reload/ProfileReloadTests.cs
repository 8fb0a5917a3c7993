using Microsoft.Extensions.Logging;
using static HealthCode.Api.Tests.Reload.ReloadJson;

namespace HealthCode.Api.Tests.Reload;

public sealed class ProfileReloadTests
{
    private ReloadHost _host = null!;

    [SetUp]
    public void Start() => _host = new ReloadHost();

    [TearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_region_shows_the_version_and_the_hash_of_its_file()
    {
        var beijing = await _host.RegionAsync("110000");
        Assert.That(Text(beijing, "version"), Is.EqualTo("2022-12-01"));
        Assert.That(Text(beijing, "hash"), Is.EqualTo(_host.HashOf("regions/110000.json")));
    }

    [Test]
    public async Task A_changed_profile_is_active_after_reload_in_regions_translate_and_verify()
    {
        _host.Edit("regions/110000.json", ("\"version\": \"2022-12-01\"", "\"version\": \"2099-01-01\""), ("\"green\": \"未见异常\"", "\"green\": \"未见异常（新）\""));
        var hash = _host.HashOf("regions/110000.json");

        var report = await _host.ReloadAsync();

        Assert.That(Ids(report, "regions", "updated"), Is.EqualTo(new[] { "110000" }));
        Assert.That(Ids(report, "regions", "added"), Is.Empty);
        Assert.That(Ids(report, "regions", "removed"), Is.Empty);
        var active = Active(report, "regions", "110000");
        Assert.That((Text(active, "version"), Text(active, "hash")), Is.EqualTo(("2099-01-01", hash)));

        var beijing = await _host.RegionAsync("110000");
        Assert.That((Text(beijing, "version"), Text(beijing, "hash")), Is.EqualTo(("2099-01-01", hash)));
        Assert.That(beijing.GetProperty("labels").GetProperty("green").GetString(), Is.EqualTo("未见异常（新）"));

        var translated = await _host.Client.GetFromJsonAsync<JsonElement>("/v1/translate?from=440000&to=110000&level=2");
        Assert.That(translated.GetProperty("target").GetProperty("label").GetString(), Is.EqualTo("未见异常（新）"));

        var verified = await _host.VerifyAsync(Fixtures.BeijingGreenCode);
        Assert.That(verified.GetProperty("display").GetProperty("label").GetString(), Is.EqualTo("未见异常（新）"));
        var issuer = verified.GetProperty("issuerProfile");
        Assert.That((Text(issuer, "id"), Text(issuer, "version"), Text(issuer, "hash")), Is.EqualTo(("110000", "2099-01-01", hash)));
    }

    [Test]
    public async Task An_unchanged_folder_reloads_with_no_change_and_nothing_refused()
    {
        var report = await _host.ReloadAsync();
        foreach (var catalogue in new[] { "regions", "policies" })
        {
            Assert.That(Ids(report, catalogue, "added").Concat(Ids(report, catalogue, "updated")).Concat(Ids(report, catalogue, "removed")), Is.Empty);
            Assert.That(Refused(report, catalogue), Is.Empty);
        }
        Assert.That(report.GetProperty("regions").GetProperty("active").GetArrayLength(), Is.EqualTo(12));
        Assert.That(report.GetProperty("policies").GetProperty("active").GetArrayLength(), Is.EqualTo(5));
        Assert.That(Text(report, "trigger"), Is.EqualTo("admin"));
    }

    [Test]
    public async Task A_new_region_file_is_normalized_and_verified_without_a_restart()
    {
        _host.Write("regions/340000.json", File.ReadAllText(_host.PathOf("regions/330000.json"))
            .Replace("\"id\": \"330000\"", "\"id\": \"340000\"").Replace("浙江健康码", "安徽健康码")
            .Replace("^ZJ[0-9A-Z]{18}$", "^AH[0-9A-Z]{18}$").Replace("^33[0-9]{4}$", "^34[0-9]{4}$"));
        var payload = File.ReadAllText(Path.Combine(Fixtures.Root, "330000", "green.json"))
            .Replace("\"330100\"", "\"340100\"").Replace("ZJPVASQB8L70ZYFDRC5E", "AHPVASQB8L70ZYFDRC5E");
        Assert.That((await _host.Client.PostAsync("/v1/regions/340000/normalize", Fixtures.Json(payload))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "not loaded before the reload");

        var report = await _host.ReloadAsync();

        Assert.That(Ids(report, "regions", "added"), Is.EqualTo(new[] { "340000" }));
        Assert.That(report.GetProperty("regions").GetProperty("active").GetArrayLength(), Is.EqualTo(13));
        var normalized = await _host.Client.PostAsync("/v1/regions/340000/normalize", Fixtures.Json(payload));
        var text = await normalized.Content.ReadAsStringAsync();
        Assert.That(normalized.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(text, Does.Contain("AHPVASQB8L70ZYFDRC5E").And.Contain("\"340000\""));

        // A checkpoint in the new province is now a known place (it was refused as unknown before).
        var verified = await _host.VerifyAsync("AHPVASQB8L70ZYFDRC5E", region: "340100");
        Assert.That(Text(verified, "issuer"), Is.EqualTo("340000"));
        Assert.That(Text(verified, "decision"), Is.EqualTo("manual"), "no status was published for the code");
    }

    [Test]
    public async Task A_deleted_region_file_removes_the_region_and_says_so()
    {
        File.Delete(_host.PathOf("regions/820000.json"));

        var report = await _host.ReloadAsync();

        Assert.That(Ids(report, "regions", "removed"), Is.EqualTo(new[] { "820000" }));
        Assert.That((await _host.Client.GetAsync("/v1/regions/820000")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(_host.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("820000") && e.Message.Contains("removed")), Is.True);
    }
}
