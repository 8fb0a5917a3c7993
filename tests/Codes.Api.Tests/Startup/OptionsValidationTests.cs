using HealthCode.Api.Auth;

namespace HealthCode.Api.Tests.Startup;

/// <summary>Options checked when the host starts: a bad value stops it with a message naming the key, never a silent default.</summary>
public sealed class OptionsValidationTests
{
    private static string StartFailure(IReadOnlyDictionary<string, string?> settings)
    {
        using var factory = ApiFactory.ProductionEmbedded(settings);
        var error = Assert.Catch(() => factory.CreateClient());
        return error!.Message;
    }

    private static Dictionary<string, string?> Key(string name, string? key, params string[] roles)
    {
        var settings = new Dictionary<string, string?> { [$"Auth:ApiKeys:{name}:Key"] = key };
        for (var i = 0; i < roles.Length; i++) settings[$"Auth:ApiKeys:{name}:Roles:{i}"] = roles[i];
        return settings;
    }

    [Test]
    public void An_api_key_with_an_unknown_role_is_refused()
    {
        Assert.That(StartFailure(Key("gate", Keys.Checkpoint, "checkpiont")), Does.Contain("Auth:ApiKeys:gate:Roles:0 'checkpiont' is not a role"));
    }

    [Test]
    public void An_api_key_without_roles_is_refused()
    {
        Assert.That(StartFailure(Key("gate", Keys.Checkpoint)), Does.Contain("Auth:ApiKeys:gate:Roles must name at least one role"));
    }

    [Test]
    public void A_short_or_empty_api_key_is_refused()
    {
        Assert.That(StartFailure(Key("gate", "abc", "checkpoint")), Does.Contain($"Auth:ApiKeys:gate:Key must be at least {ApiKeysValidator.MinimumKeyLength} characters"));
        Assert.That(StartFailure(Key("gate", "", "checkpoint")), Does.Contain("Auth:ApiKeys:gate:Key must be at least"));
    }

    [Test]
    public void One_key_under_two_names_is_refused()
    {
        var settings = Key("a", Keys.Checkpoint, "checkpoint");
        foreach (var (key, value) in Key("b", Keys.Checkpoint, "admin")) settings[key] = value;
        Assert.That(StartFailure(settings), Does.Contain("Auth:ApiKeys:b:Key is the same key as Auth:ApiKeys:a:Key"));
    }

    [TestCase("PermitsPerSecond", "0")]
    [TestCase("PermitsPerSecond", "-5")]
    [TestCase("Burst", "0")]
    [TestCase("QueueLimit", "-1")]
    public void A_rate_limit_that_is_not_positive_is_refused(string name, string value)
    {
        Assert.That(StartFailure(new Dictionary<string, string?> { ["HealthCode:RateLimit:" + name] = value }), Does.Contain("HealthCode:RateLimit:" + name));
    }

    [Test]
    public void A_schemas_folder_without_regions_is_refused()
    {
        Assert.That(StartFailure(new Dictionary<string, string?> { ["HealthCode:Schemas"] = Path.GetTempPath() }), Does.Contain("HealthCode:Schemas has no regions folder"));
    }

    [Test]
    public void A_trust_directory_that_does_not_exist_is_refused()
    {
        Assert.That(StartFailure(new Dictionary<string, string?> { ["HealthCode:TrustDirectory"] = "/nonexistent/trust" }), Does.Contain("HealthCode:TrustDirectory is not a folder"));
    }

    [Test]
    public void An_empty_redis_key_prefix_is_refused()
    {
        // The real mode's options are checked before anything connects: no server is needed to see the refusal.
        var settings = new Dictionary<string, string?>
        {
            ["HealthCode:Mode"] = "real",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
            ["HealthCode:Redis:KeyPrefix"] = "",
        };
        Assert.That(StartFailure(settings), Does.Contain("HealthCode:Redis:KeyPrefix must not be empty"));
    }

    [TestCase("HealthCode:Redis:ReplicaAcks", "-1", "HealthCode:Redis:ReplicaAcks must be 0 (no wait) or more")]
    [TestCase("HealthCode:Redis:ReplicaAckTimeout", "00:00:00", "HealthCode:Redis:ReplicaAckTimeout must be positive")]
    public void Replica_acknowledgement_settings_out_of_range_are_refused(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HealthCode:Mode"] = "real",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
            [key] = value,
        };
        Assert.That(StartFailure(settings), Does.Contain(message));
    }
}
