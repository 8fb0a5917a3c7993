using static HealthCode.Api.Tests.Reload.ReloadJson;

namespace HealthCode.Api.Tests.Reload;

public sealed class PolicyReloadTests
{
    private ReloadHost _host = null!;

    [SetUp]
    public void Start() => _host = new ReloadHost();

    [TearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task Verify_echoes_the_version_and_hash_of_the_policy_that_decided()
    {
        var verified = await _host.VerifyAsync(Fixtures.BeijingGreenCode);
        var policy = verified.GetProperty("policy");
        Assert.That((Text(policy, "id"), Text(policy, "version"), Text(policy, "hash")),
            Is.EqualTo(("110000", "2022-02-12", _host.HashOf("policies/110000.json"))));
    }

    [Test]
    public async Task A_changed_policy_decides_after_reload_and_verify_echoes_its_new_version_and_hash()
    {
        Assert.That(Text(await _host.VerifyAsync(Fixtures.BeijingGreenCode), "decision"), Is.EqualTo("accept"));
        _host.Edit("policies/110000.json", ("\"version\": \"2022-02-12\"", "\"version\": \"2099-02-02\""),
            ("\"scenes\": [\"transport\", \"venue\"]", "\"scenes\": [\"transport\", \"venue\", \"general\"]"));

        var report = await _host.ReloadAsync();

        Assert.That(Ids(report, "policies", "updated"), Is.EqualTo(new[] { "110000" }));
        var verified = await _host.VerifyAsync(Fixtures.BeijingGreenCode);
        Assert.That(Text(verified, "decision"), Is.EqualTo("deny"), "general now needs a recent negative NAT too");
        Assert.That(verified.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Does.Contain("nat-required"));
        var policy = verified.GetProperty("policy");
        Assert.That((Text(policy, "version"), Text(policy, "hash")), Is.EqualTo(("2099-02-02", _host.HashOf("policies/110000.json"))));
    }

    [Test]
    public async Task An_invalid_policy_is_refused_naming_file_and_field_and_the_previous_policy_still_decides()
    {
        var hash = _host.HashOf("policies/440000.json");
        _host.Edit("policies/440000.json", ("\"decision\": \"manual\"", "\"decision\": \"maybe\""));

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "policies").Single();
        Assert.That(Text(refused, "file"), Is.EqualTo(_host.PathOf("policies/440000.json")));
        Assert.That(Text(refused, "path"), Is.EqualTo("levels[0].decision"));
        Assert.That(refused.GetProperty("previousKept").GetBoolean(), Is.True);
        var policy = (await _host.VerifyAsync("YKM000000000000000", region: "440300")).GetProperty("policy");
        Assert.That((Text(policy, "version"), Text(policy, "hash")), Is.EqualTo(("2022-06-01", hash)));
    }

    [Test]
    public async Task The_default_policy_cannot_be_removed_while_the_service_runs()
    {
        File.Delete(_host.PathOf("policies/default.json"));

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "policies").Single();
        Assert.That((Text(refused, "path"), refused.GetProperty("previousKept").GetBoolean()), Is.EqualTo(("id", true)));
        Assert.That(Text(refused, "file"), Does.EndWith("default.json"));
        Assert.That(Ids(report, "policies", "removed"), Is.Empty);
        Assert.That(Text(Active(report, "policies", "default"), "version"), Is.EqualTo("2022-01-01"));
    }

    [Test]
    public async Task A_policy_file_that_is_not_json_is_refused_naming_the_whole_document()
    {
        _host.Write("policies/110000.json", "{ \"id\": ");

        var report = await _host.ReloadAsync();

        var refused = Refused(report, "policies").Single();
        Assert.That((Text(refused, "path"), refused.GetProperty("previousKept").GetBoolean()), Is.EqualTo(("$", true)));
        Assert.That(Text(refused, "message"), Does.StartWith("not valid JSON"));
        Assert.That(Text((await _host.VerifyAsync(Fixtures.BeijingGreenCode)).GetProperty("policy"), "version"), Is.EqualTo("2022-02-12"));
    }
}
