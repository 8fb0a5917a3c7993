using HealthCode.Api.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace HealthCode.Api.Tests.Startup;

/// <summary>How configuration picks the mode (RunningMode.Resolve): never a silent fallback to memory or to samples.</summary>
public sealed class RunningModeTests
{
    private const string Redis = "127.0.0.1:6379";
    private const string Rabbit = "amqp://guest:guest@127.0.0.1:5672/";

    private static RunningMode Resolve(string environment, params (string Key, string Value)[] settings) =>
        RunningMode.Resolve(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            new HostingEnvironment { EnvironmentName = environment });

    private static ConfigurationException Refused(string environment, params (string Key, string Value)[] settings) =>
        Assert.Throws<ConfigurationException>(() => Resolve(environment, settings))!;

    [Test]
    public void Development_without_connection_strings_is_embedded_and_seeds_the_samples()
    {
        var mode = Resolve("Development");
        Assert.That((mode.Embedded, mode.SeedSamples), Is.EqualTo((true, true)));
    }

    [Test]
    public void Development_with_both_connection_strings_is_real_and_seeds_nothing()
    {
        var mode = Resolve("Development", ("ConnectionStrings:Redis", Redis), ("ConnectionStrings:RabbitMq", Rabbit));
        Assert.That((mode.Embedded, mode.Redis, mode.RabbitMq, mode.SeedSamples), Is.EqualTo((false, Redis, Rabbit, false)));
    }

    [Test]
    public void Development_with_only_one_connection_string_is_refused_naming_the_other()
    {
        Assert.That(Refused("Development", ("ConnectionStrings:Redis", Redis)).Key, Is.EqualTo("ConnectionStrings:RabbitMq"));
        Assert.That(Refused("Development", ("ConnectionStrings:RabbitMq", Rabbit)).Key, Is.EqualTo("ConnectionStrings:Redis"));
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void Outside_Development_without_connection_strings_is_refused_naming_Redis(string environment)
    {
        var refused = Refused(environment);
        Assert.That(refused.Key, Is.EqualTo("ConnectionStrings:Redis"));
        Assert.That(refused.Message, Does.Contain("HealthCode:Mode=embedded"), "says how to ask for the embedded mode");
    }

    [Test]
    public void Outside_Development_without_RabbitMq_is_refused_naming_it()
    {
        Assert.That(Refused("Production", ("ConnectionStrings:Redis", Redis)).Key, Is.EqualTo("ConnectionStrings:RabbitMq"));
    }

    [Test]
    public void Outside_Development_the_embedded_mode_must_be_asked_for_and_never_seeds()
    {
        var mode = Resolve("Production", ("HealthCode:Mode", "embedded"));
        Assert.That((mode.Embedded, mode.SeedSamples), Is.EqualTo((true, false)));
    }

    [Test]
    public void Outside_Development_seeding_samples_is_refused()
    {
        Assert.That(Refused("Production", ("HealthCode:Mode", "embedded"), ("HealthCode:SeedSamples", "true")).Key, Is.EqualTo("HealthCode:SeedSamples"));
    }

    [TestCase("cloud")]
    [TestCase("memory")]
    [TestCase("1")]
    public void An_unknown_mode_is_refused_naming_the_key(string value)
    {
        var refused = Refused("Development", ("HealthCode:Mode", value));
        Assert.That(refused.Key, Is.EqualTo("HealthCode:Mode"));
        Assert.That(refused.Message, Does.Contain("'embedded' or 'real'"));
    }

    [Test]
    public void The_real_mode_asked_for_without_connection_strings_is_refused_even_in_Development()
    {
        Assert.That(Refused("Development", ("HealthCode:Mode", "real")).Key, Is.EqualTo("ConnectionStrings:Redis"));
    }

    [Test]
    public void The_embedded_mode_with_a_connection_string_is_refused_rather_than_ignoring_it()
    {
        Assert.That(Refused("Production", ("HealthCode:Mode", "embedded"), ("ConnectionStrings:Redis", Redis)).Key, Is.EqualTo("ConnectionStrings:Redis"));
    }

    [Test]
    public void A_seed_flag_that_is_not_a_boolean_is_refused()
    {
        Assert.That(Refused("Development", ("HealthCode:SeedSamples", "yes")).Key, Is.EqualTo("HealthCode:SeedSamples"));
    }

    [Test]
    public void A_RabbitMq_cluster_address_listing_several_hosts_is_accepted()
    {
        const string cluster = "amqp://guest:guest@127.0.0.1:5721,127.0.0.1:5722,127.0.0.1:5723/";
        var mode = Resolve("Production", ("ConnectionStrings:Redis", Redis), ("ConnectionStrings:RabbitMq", cluster));
        Assert.That((mode.Embedded, mode.RabbitMq), Is.EqualTo((false, cluster)));
    }

    [TestCase("amqp://hc:s3cret@127.0.0.1:5721,,127.0.0.1:5723/", "host 2 of 3 is empty")]
    [TestCase("amqp://hc:s3cret@127.0.0.1:5721,127.0.0.1:99999/", "host 2 of 2 ('127.0.0.1:99999') has a port that is not a number from 1 to 65535")]
    [TestCase("amqp://hc:s3cret@/", "no host is named")]
    [TestCase("amqp://hc:s3c/ret@rabbit-1,rabbit-2/", "'/', '?' or '#' in the user name or password")]
    public void A_malformed_RabbitMq_address_is_refused_saying_what_is_wrong_and_never_quoting_the_password(string value, string problem)
    {
        var refused = Refused("Production", ("ConnectionStrings:Redis", Redis), ("ConnectionStrings:RabbitMq", value));
        Assert.That(refused.Key, Is.EqualTo("ConnectionStrings:RabbitMq"));
        Assert.That(refused.Message, Does.StartWith("ConnectionStrings:RabbitMq ").And.Contain(problem).And.Not.Contain("s3c"));
    }

    [TestCase("ConnectionStrings:Redis", "127.0.0.1:6379,bogus=1")]
    [TestCase("ConnectionStrings:RabbitMq", "http://127.0.0.1:5672/")]
    [TestCase("ConnectionStrings:RabbitMq", "not a uri")]
    public void A_malformed_connection_string_is_refused_naming_its_key_but_not_its_value(string key, string value)
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Redis"] = Redis, ["ConnectionStrings:RabbitMq"] = Rabbit, [key] = value };
        var refused = Refused("Production", settings.Select(s => (s.Key, s.Value)).ToArray());
        Assert.That(refused.Key, Is.EqualTo(key));
        Assert.That(refused.Message, Does.Not.Contain(value));
    }
}
