using System.Net.Security;
using HealthCode.Verifier.Transport.RabbitMq;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>ConnectionStrings:RabbitMq as AmqpAddress reads it: one broker as always, or the nodes of a cluster.</summary>
public sealed class AmqpAddressTests
{
    private static AmqpAddress Parse(string text)
    {
        Assert.That(AmqpAddress.TryParse(text, out var address, out var problem), Is.True, problem);
        return address!;
    }

    private static string Problem(string text)
    {
        Assert.That(AmqpAddress.TryParse(text, out _, out var problem), Is.False, $"'{text}' should be refused");
        return problem!;
    }

    [Test]
    public void Three_hosts_parse_to_three_endpoints_in_order()
    {
        var address = Parse("amqp://guest:guest@127.0.0.1:5721,127.0.0.1:5722,127.0.0.1:5723/");
        Assert.That(address.Endpoints, Is.EqualTo(new[] { new AmqpEndpoint("127.0.0.1", 5721), new AmqpEndpoint("127.0.0.1", 5722), new AmqpEndpoint("127.0.0.1", 5723) }));
        Assert.That((address.UserName, address.Password, address.VirtualHost, address.Tls, address.IsCluster), Is.EqualTo(("guest", "guest", "/", false, true)));
    }

    [Test]
    public void A_single_host_is_one_endpoint_and_not_a_cluster()
    {
        var address = Parse("amqp://hc-service:hc-service-test@127.0.0.1:5673/");
        Assert.That(address.Endpoints, Is.EqualTo(new[] { new AmqpEndpoint("127.0.0.1", 5673) }));
        Assert.That(address.IsCluster, Is.False);
    }

    // Whatever ConnectionFactory.Uri made of a single-host URI before, ApplyTo makes of it now.
    [TestCase("amqp://guest:guest@127.0.0.1:5673/")]
    [TestCase("amqp://hc-service:hc-service-test@localhost")]
    [TestCase("amqp://rabbit.internal")]
    [TestCase("amqp://only-user@rabbit.internal:5680/")]
    [TestCase("amqp://u%40x:p%2Fw%25d@rabbit.internal:1234/%2F")]
    [TestCase("amqp://u:p@rabbit.internal/prod%2Feu")]
    [TestCase("AMQP://u:p@Rabbit.Internal:5672/vh")]
    [TestCase("amqps://u:p@rabbit.example.org/prod")]
    [TestCase("amqps://u:p@rabbit.example.org:6671/")]
    [TestCase("amqp://u:p@rabbit.internal/vh?heartbeat=10")]
    public void A_single_host_uri_configures_the_factory_exactly_as_ConnectionFactory_Uri_does(string uri)
    {
        var before = new ConnectionFactory { Uri = new Uri(uri) };
        var now = Parse(uri).ApplyTo(new ConnectionFactory());
        Assert.Multiple(() =>
        {
            Assert.That(now.UserName, Is.EqualTo(before.UserName), "user");
            Assert.That(now.Password, Is.EqualTo(before.Password), "password");
            Assert.That(now.VirtualHost, Is.EqualTo(before.VirtualHost), "vhost");
            // Endpoint.Port: the factory's own Port is -1 until a URI names one ("the scheme's default").
            Assert.That(now.Endpoint.HostName, Is.EqualTo(before.Endpoint.HostName).IgnoreCase, "host");
            Assert.That(now.Endpoint.Port, Is.EqualTo(before.Endpoint.Port), "port");
            Assert.That(now.Ssl.Enabled, Is.EqualTo(before.Ssl.Enabled), "tls");
            if (before.Ssl.Enabled)
            {
                Assert.That(now.Ssl.ServerName, Is.EqualTo(before.Ssl.ServerName).IgnoreCase, "server name");
                Assert.That(now.Ssl.AcceptablePolicyErrors, Is.EqualTo(before.Ssl.AcceptablePolicyErrors), "policy errors");
                Assert.That(now.Ssl.Version, Is.EqualTo(before.Ssl.Version), "protocols");
            }
        });
    }

    [Test]
    public void Hosts_without_a_port_get_the_default_port_of_the_scheme()
    {
        Assert.That(Parse("amqp://rabbit-1,rabbit-2:5800,rabbit-3").Endpoints.Select(e => e.Port), Is.EqualTo(new[] { 5672, 5800, 5672 }));
        Assert.That(Parse("amqps://rabbit-1,rabbit-2:5800,rabbit-3").Endpoints.Select(e => e.Port), Is.EqualTo(new[] { 5671, 5800, 5671 }));
    }

    [Test]
    public void Amqps_turns_tls_on_for_every_node_with_that_node_as_server_name()
    {
        var endpoints = Parse("amqps://u:p@rabbit-1.example.org,rabbit-2.example.org/").TcpEndpoints();
        Assert.That(endpoints.Select(e => (e.HostName, e.Port, e.Ssl.Enabled, e.Ssl.ServerName)), Is.EqualTo(new[]
        {
            ("rabbit-1.example.org", 5671, true, "rabbit-1.example.org"),
            ("rabbit-2.example.org", 5671, true, "rabbit-2.example.org"),
        }));
        Assert.That(endpoints.All(e => e.Ssl.AcceptablePolicyErrors == SslPolicyErrors.RemoteCertificateNameMismatch), "as for an amqps:// URI, and no more");
    }

    [Test]
    public void Amqp_leaves_tls_off_on_every_node()
    {
        Assert.That(Parse("amqp://rabbit-1,rabbit-2").TcpEndpoints().Select(e => e.Ssl.Enabled), Is.All.False);
    }

    [Test]
    public void Url_escaped_user_password_and_virtual_host_are_unescaped()
    {
        var address = Parse("amqp://us%40er:p%40ss%3Aw%2Crd%2F@rabbit-1,rabbit-2/eu%2Fprod");
        Assert.That((address.UserName, address.Password, address.VirtualHost), Is.EqualTo(("us@er", "p@ss:w,rd/", "eu/prod")));
        Assert.That(address.Endpoints, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_colon_or_at_sign_left_unescaped_in_the_password_still_reads_as_the_password()
    {
        var address = Parse("amqp://user:p:a@ss@rabbit-1,rabbit-2/");
        Assert.That((address.UserName, address.Password), Is.EqualTo(("user", "p:a@ss")));
        Assert.That(address.Endpoints.Select(e => e.Host), Is.EqualTo(new[] { "rabbit-1", "rabbit-2" }));
    }

    [TestCase("amqp://rabbit-1,rabbit-2")]
    [TestCase("amqp://rabbit-1,rabbit-2/")]
    [TestCase("amqp://rabbit-1,rabbit-2/%2F")]
    public void Without_a_virtual_host_or_with_the_root_one_the_virtual_host_is_slash(string text)
    {
        Assert.That(Parse(text).VirtualHost, Is.EqualTo("/"));
    }

    [Test]
    public void Without_credentials_the_client_default_guest_is_used()
    {
        var address = Parse("amqp://rabbit-1,rabbit-2/");
        Assert.That((address.UserName, address.Password), Is.EqualTo(("guest", "guest")));
    }

    [Test]
    public void Spaces_around_the_address_and_its_hosts_are_ignored()
    {
        Assert.That(Parse(" amqp://u:p@rabbit-1, rabbit-2 ,rabbit-3/ ").Endpoints.Select(e => e.Host), Is.EqualTo(new[] { "rabbit-1", "rabbit-2", "rabbit-3" }));
    }

    [Test]
    public void An_IPv6_address_in_brackets_is_one_host()
    {
        Assert.That(Parse("amqp://u:p@[::1]:5673/").Endpoints, Is.EqualTo(new[] { new AmqpEndpoint("::1", 5673) }));
    }

    [TestCase("", "the string is empty")]
    [TestCase("   ", "the string is empty")]
    [TestCase("http://127.0.0.1:5672/", "the scheme is 'http', not amqp or amqps")]
    [TestCase("rabbitmq://127.0.0.1:5672/", "the scheme is 'rabbitmq', not amqp or amqps")]
    [TestCase("127.0.0.1:5672", "it does not start with amqp:// or amqps://")]
    [TestCase("not a uri", "it does not start with amqp:// or amqps://")]
    [TestCase("amqp://guest:guest@/", "no host is named")]
    [TestCase("amqp://", "no host is named")]
    [TestCase("amqp://h1,,h3/", "host 2 of 3 is empty")]
    [TestCase("amqp://h1,h2,/", "host 3 of 3 is empty")]
    [TestCase("amqp://h1:5721,h2:99999/", "host 2 of 2 ('h2:99999') has a port that is not a number from 1 to 65535")]
    [TestCase("amqp://h1:0/", "host 'h1:0' has a port that is not a number from 1 to 65535")]
    [TestCase("amqp://h1:57x1/", "host 'h1:57x1' has a port that is not a number from 1 to 65535")]
    [TestCase("amqp://h1:-1/", "host 'h1:-1' has a port that is not a number from 1 to 65535")]
    [TestCase("amqp://h1:5672,:5673/", "host 2 of 2 (':5673') has no host name before its port")]
    [TestCase("amqp://h1,rabbit 2/", "host 2 of 2 ('rabbit 2') has a character that cannot be in a host name")]
    [TestCase("amqp://h1:5672:5673/", "host 'h1:5672:5673' has more than one ':'")]
    [TestCase("amqp://h1:5672,H1/", "host 2 of 2 ('H1') repeats host 1 (H1:5672)")]
    [TestCase("amqp://[::1/", "host '[::1' has a '[' without its ']'")]
    [TestCase("amqp://[rabbit]:5672/", "host '[rabbit]:5672' has brackets that do not hold an IPv6 address")]
    [TestCase("amqp://[::1]5672/", "host '[::1]5672' has text after ']' that is not :port")]
    [TestCase("amqp://h1,[::1]:5672/", "host 2 of 2 ('[::1]:5672') is an IPv6 address")]
    [TestCase("amqp://h1,h2/eu/prod", "the path has more than one segment")]
    public void A_malformed_address_is_refused_naming_what_is_wrong(string text, string problem)
    {
        Assert.That(Problem(text), Does.StartWith(problem));
    }

    [TestCase("amqp://hcsvc:s3cr/et@rabbit-1,rabbit-2/")]
    [TestCase("amqp://hcsvc:s3cr?et@rabbit-1:5672/")]
    [TestCase("amqp://hcsvc:s3cr#et@rabbit-1/")]
    public void A_password_with_an_unescaped_delimiter_is_refused_with_the_escapes_and_never_quoted(string text)
    {
        var problem = Problem(text);
        Assert.That(problem, Does.Contain("%2F, %3F or %23").And.Not.Contain("s3cr").And.Not.Contain("hcsvc"));
    }

    [Test]
    public void Parse_throws_a_format_exception_carrying_the_problem()
    {
        var e = Assert.Throws<FormatException>(() => AmqpAddress.Parse("amqp://h1,,h3/"))!;
        Assert.That(e.Message, Does.Contain("host 2 of 3 is empty"));
    }

    [Test]
    public void ToString_shows_the_nodes_but_hides_the_password()
    {
        var text = Parse("amqps://hc-service:s3cret@rabbit-1,rabbit-2:5800/eu%2Fprod").ToString();
        Assert.That(text, Is.EqualTo("amqps://hc-service:***@rabbit-1:5671,rabbit-2:5800/eu%2Fprod"));
    }

    [Test]
    public void The_factory_gets_the_credentials_and_the_first_node_and_the_endpoints_list_every_node()
    {
        var address = Parse("amqp://hc-service:s3cret@rabbit-1:5721,rabbit-2:5722,rabbit-3:5723/eu");
        var factory = address.ApplyTo(new ConnectionFactory());
        Assert.That((factory.UserName, factory.Password, factory.VirtualHost, factory.HostName, factory.Port),
            Is.EqualTo(("hc-service", "s3cret", "eu", "rabbit-1", 5721)));
        Assert.That(address.TcpEndpoints().Select(e => $"{e.HostName}:{e.Port}"), Is.EqualTo(new[] { "rabbit-1:5721", "rabbit-2:5722", "rabbit-3:5723" }));
    }
}
