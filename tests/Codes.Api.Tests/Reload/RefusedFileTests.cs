using HealthCode.Api.Reload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using static HealthCode.Api.Tests.Reload.ReloadJson;

namespace HealthCode.Api.Tests.Reload;

public sealed class RefusedFileTests
{
    private ReloadHost _host = null!;

    [SetUp]
    public void Start() => _host = new ReloadHost();

    [TearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task An_invalid_profile_is_refused_naming_file_and_field_and_its_previous_version_stays_active()
    {
        var before = await _host.RegionAsync("440000");
        _host.Edit("regions/440000.json", ("\"maxStatusAge\": \"PT12H\"", "\"maxStatusAge\": \"one day\""));

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "regions").Single();
        Assert.That(Text(refused, "file"), Is.EqualTo(_host.PathOf("regions/440000.json")));
        Assert.That(Text(refused, "path"), Is.EqualTo("maxStatusAge"));
        Assert.That(Text(refused, "message"), Is.Not.Empty);
        Assert.That(refused.GetProperty("previousKept").GetBoolean(), Is.True);
        Assert.That(Ids(report, "regions", "updated"), Is.Empty);

        var after = await _host.RegionAsync("440000");
        Assert.That((Text(after, "hash"), Text(after, "maxStatusAge")), Is.EqualTo((Text(before, "hash"), "PT12H")));
        Assert.That(_host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains(_host.PathOf("regions/440000.json")) && e.Message.Contains("maxStatusAge")),
            Is.EqualTo(1), "one warning line names the file and the field");
    }

    [Test]
    public async Task Readiness_stays_200_and_lists_a_refused_file_as_degraded_until_it_is_fixed()
    {
        _host.Edit("regions/440000.json", ("\"maxStatusAge\": \"PT12H\"", "\"maxStatusAge\": \"one day\""));
        await _host.ReloadAsync();

        var (status, body) = await _host.ReadyAsync();
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("Degraded").And.Contain(CatalogReloadHealthCheck.Name));
        var check = await CheckAsync();
        Assert.That(check.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(check.Description, Does.Contain("440000.json").And.Contain("maxStatusAge").And.Contain("previous version stays active"));

        _host.Edit("regions/440000.json", ("\"maxStatusAge\": \"one day\"", "\"maxStatusAge\": \"PT12H\""));
        await _host.ReloadAsync();
        Assert.That((await CheckAsync()).Status, Is.EqualTo(HealthStatus.Healthy));
        var (statusAfter, bodyAfter) = await _host.ReadyAsync();
        Assert.That(statusAfter, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bodyAfter, Does.Not.Contain("Degraded"));
    }

    [Test]
    public async Task A_new_invalid_region_file_is_refused_and_stays_absent()
    {
        _host.Write("regions/350000.json", "{ \"id\": \"350000\", ");

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "regions").Single();
        Assert.That(Text(refused, "file"), Does.EndWith("350000.json"));
        Assert.That(refused.GetProperty("previousKept").GetBoolean(), Is.False);
        Assert.That(Ids(report, "regions", "added"), Is.Empty);
        Assert.That((await _host.Client.GetAsync("/v1/regions/350000")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_profile_whose_id_does_not_match_its_file_name_is_refused_naming_id()
    {
        _host.Edit("regions/310000.json", ("\"id\": \"310000\"", "\"id\": \"320000\""));

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "regions").Single();
        Assert.That((Text(refused, "path"), refused.GetProperty("previousKept").GetBoolean()), Is.EqualTo(("id", true)));
        Assert.That(Text(await _host.RegionAsync("310000"), "id"), Is.EqualTo("310000"));
    }

    [Test]
    public async Task An_emptied_regions_folder_is_refused_whole_and_every_region_stays()
    {
        foreach (var file in Directory.GetFiles(_host.PathOf("regions"))) File.Delete(file);

        var report = await _host.ReloadAsync();

        Assert.That(Ids(report, "regions", "removed"), Is.Empty);
        Assert.That(report.GetProperty("regions").GetProperty("active").GetArrayLength(), Is.EqualTo(12));
        Assert.That(Text(Refused(report, "regions").Single(), "file"), Is.EqualTo(_host.PathOf("regions")));
        Assert.That((await _host.Client.GetAsync("/v1/regions/110000")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<HealthReportEntry> CheckAsync()
    {
        var report = await _host.Factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == CatalogReloadHealthCheck.Name);
        return report.Entries[CatalogReloadHealthCheck.Name];
    }
}
