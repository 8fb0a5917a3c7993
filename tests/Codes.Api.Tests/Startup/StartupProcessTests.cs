using System.Net.Sockets;
using System.Text.Json.Nodes;
using HealthCode.Api.Composition;

namespace HealthCode.Api.Tests.Startup;

/// <summary>
/// Start-up as an operator meets it: Codes.Api run as a process. A configuration error ends it with one line on
/// stderr that names the key or file, no stack trace anywhere, and a non-zero sysexits code (78 configuration,
/// 74 cannot listen).
/// </summary>
[Category("Process")]
public sealed class StartupProcessTests
{
    private const string Secret = "process-test-holder-secret-0123456789";
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string> EmbeddedProduction() => new()
    {
        ["HealthCode__Mode"] = "embedded",
        ["HealthCode__HolderSecret"] = Secret,
    };

    /// <summary>Runs to exit and returns its one stderr line, having asserted the exit code and the absence of stack frames.</summary>
    private static async Task<string> RefusedLine(string environment, Dictionary<string, string> settings, int exitCode, int? port = null)
    {
        await using var api = ApiProcess.Start(environment, settings, port);
        var exit = await api.ExitCodeAsync(ExitDeadline);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(exitCode), api.Output());
            Assert.That(api.StandardError, Has.Count.EqualTo(1), api.Output());
            Assert.That(api.StandardOutput.Concat(api.StandardError).Where(l => l.Contains("   at ", StringComparison.Ordinal)), Is.Empty, "no stack trace");
        });
        var line = api.StandardError[0];
        Assert.That(line, Does.StartWith(StartupFailure.Prefix));
        return line;
    }

    [Test]
    public async Task Production_without_Redis_and_RabbitMq_settings_exits_78_with_one_line_naming_the_key()
    {
        var line = await RefusedLine("Production", new() { ["HealthCode__HolderSecret"] = Secret }, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("ConnectionStrings:Redis").And.Contain("HealthCode:Mode=embedded"));
    }

    [Test]
    public async Task Production_with_Redis_but_no_RabbitMq_exits_78_naming_RabbitMq()
    {
        var line = await RefusedLine("Production",
            new() { ["HealthCode__HolderSecret"] = Secret, ["ConnectionStrings__Redis"] = TestServers.Redis }, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("ConnectionStrings:RabbitMq"));
    }

    [Test]
    public async Task A_malformed_cluster_address_exits_78_naming_RabbitMq_and_the_bad_host_but_not_the_password()
    {
        var line = await RefusedLine("Production", new()
        {
            ["HealthCode__HolderSecret"] = Secret,
            ["ConnectionStrings__Redis"] = TestServers.Redis,
            ["ConnectionStrings__RabbitMq"] = "amqp://hc-service:s3cret-pw@127.0.0.1:5721,127.0.0.1:57x2,127.0.0.1:5723/",
        }, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("ConnectionStrings:RabbitMq").And.Contain("host 2 of 3").And.Not.Contain("s3cret-pw"));
    }

    [Test]
    public async Task An_unknown_mode_exits_78_naming_the_key()
    {
        var line = await RefusedLine("Production", new() { ["HealthCode__Mode"] = "cloud", ["HealthCode__HolderSecret"] = Secret },
            StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("HealthCode:Mode").And.Contain("cloud"));
    }

    [Test]
    public async Task Production_without_a_holder_secret_exits_78_naming_the_key()
    {
        var line = await RefusedLine("Production", new() { ["HealthCode__Mode"] = "embedded" }, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("HealthCode:HolderSecret is required"));
    }

    [Test]
    public async Task A_short_holder_secret_exits_78_naming_the_key_and_not_the_secret()
    {
        var settings = EmbeddedProduction();
        settings["HealthCode__HolderSecret"] = "too-short";
        var line = await RefusedLine("Production", settings, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("HealthCode:HolderSecret must be at least").And.Not.Contain("too-short"));
    }

    [Test]
    public async Task Seeding_samples_outside_Development_exits_78_naming_the_key()
    {
        var settings = EmbeddedProduction();
        settings["HealthCode__SeedSamples"] = "true";
        var line = await RefusedLine("Production", settings, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain("HealthCode:SeedSamples"));
    }

    [TestCase("HealthCode__RateLimit__PermitsPerSecond", "0", "HealthCode:RateLimit:PermitsPerSecond")]
    [TestCase("HealthCode__RateLimit__PermitsPerSecond", "many", "HealthCode:RateLimit:PermitsPerSecond")]
    [TestCase("Auth__ApiKeys__gate__Roles__0", "chekpoint", "Auth:ApiKeys:gate:Roles:0")]
    [TestCase("HealthCode__Schemas", "/nonexistent/schemas", "HealthCode:Schemas")]
    public async Task An_invalid_option_exits_78_naming_the_key(string variable, string value, string key)
    {
        var settings = EmbeddedProduction();
        settings["Auth__ApiKeys__gate__Key"] = "process-test-checkpoint-key";
        settings["Auth__ApiKeys__gate__Roles__0"] = "checkpoint";
        settings[variable] = value;
        var line = await RefusedLine("Production", settings, StartupFailure.ConfigurationExitCode);
        Assert.That(line, Does.Contain(key));
    }

    [Test]
    public async Task A_region_profile_that_fails_its_checks_exits_78_naming_the_file_and_field()
    {
        var schemas = CopyOfSchemas();
        try
        {
            var file = Path.Combine(schemas, "regions", "110000.json");
            var profile = JsonNode.Parse(File.ReadAllText(file))!;
            profile["fields"]![3]!["to"] = "person.shoeSize";
            File.WriteAllText(file, profile.ToJsonString());
            var settings = EmbeddedProduction();
            settings["HealthCode__Schemas"] = schemas;

            var line = await RefusedLine("Production", settings, StartupFailure.ConfigurationExitCode);
            Assert.That(line, Does.StartWith($"{StartupFailure.Prefix}{file}: fields[3].to: "));
        }
        finally
        {
            Directory.Delete(schemas, recursive: true);
        }
    }

    [Test]
    public async Task A_port_in_use_exits_74_naming_the_address()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var line = await RefusedLine("Production", EmbeddedProduction(), StartupFailure.ListenExitCode, port);
        Assert.That(line, Is.EqualTo($"{StartupFailure.Prefix}cannot listen on http://127.0.0.1:{port}: address already in use"));
    }

    [Test]
    public async Task Production_with_the_explicit_embedded_key_starts_and_seeds_no_sample()
    {
        var settings = EmbeddedProduction();
        settings["Auth__ApiKeys__gate__Key"] = Keys.Checkpoint;
        settings["Auth__ApiKeys__gate__Roles__0"] = "checkpoint";
        await using var api = ApiProcess.Start("Production", settings);
        Assert.That(await api.WaitLiveAsync(ExitDeadline), Is.True, api.Output());

        using var client = api.Client(Keys.Checkpoint);
        var body = await (await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"), body.ToString());
        Assert.That(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "unknown-code" }), "the sample was not seeded");
        Assert.That(api.StandardError, Is.Empty, api.Output());
    }

    /// <summary>The shipped schemas/ copied to a temporary folder, for a test to break.</summary>
    private static string CopyOfSchemas()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "schemas");
        var target = Path.Combine(Path.GetTempPath(), "hc-schemas-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
