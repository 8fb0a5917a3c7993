using HealthCode.Api.Reload;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests.Reload;

public sealed class WatchedReloadTests
{
    private ReloadHost _host = null!;

    [SetUp]
    public void Start() => _host = new ReloadHost(watch: true);

    [TearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_changed_profile_file_is_picked_up_by_the_watcher_without_a_request()
    {
        _ = await _host.RegionAsync("310000");
        _host.Edit("regions/310000.json", ("\"version\": \"2022-12-01\"", "\"version\": \"2099-03-03\""));
        var hash = _host.HashOf("regions/310000.json");

        var shanghai = await Poll.Until(() => _host.RegionAsync("310000"), r => r.GetProperty("hash").GetString() == hash);

        Assert.That(shanghai.GetProperty("hash").GetString(), Is.EqualTo(hash));
        Assert.That(shanghai.GetProperty("version").GetString(), Is.EqualTo("2099-03-03"));
        // The report is recorded once the policies are reloaded too, just after the profiles were swapped in.
        var state = _host.Factory.Services.GetRequiredService<CatalogReloadState>();
        Assert.That(await Poll.Until(() => state.Last is not null), Is.True);
        Assert.That(state.Last!.Trigger, Is.EqualTo(ReloadTrigger.Watch));
    }

    [Test]
    public async Task A_new_policy_file_is_picked_up_by_the_watcher()
    {
        _host.Write("policies/310000.json", """
            { "id": "310000", "version": "2099-04-04", "levels": [], "requirements": [] }
            """);
        var hash = _host.HashOf("policies/310000.json");

        var policy = await Poll.Until(
            async () => (await _host.VerifyAsync("SH" + new string('0', 18), region: "310101")).GetProperty("policy"),
            p => p.GetProperty("id").GetString() == "310000");

        Assert.That((policy.GetProperty("version").GetString(), policy.GetProperty("hash").GetString()), Is.EqualTo(("2099-04-04", hash)));
    }
}
