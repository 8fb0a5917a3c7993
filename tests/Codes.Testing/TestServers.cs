namespace HealthCode.Testing;

/// <summary>
/// Where the shared test Redis and RabbitMQ listen: HC_TEST_REDIS (default 127.0.0.1:6380) and HC_TEST_RABBITMQ
/// (default amqp://guest:guest@127.0.0.1:5673/), the ports scripts/services.sh starts them on.
/// An empty variable counts as unset.
/// </summary>
public static class TestServers
{
    public static string Redis => Environment.GetEnvironmentVariable("HC_TEST_REDIS") is { Length: > 0 } a ? a : "127.0.0.1:6380";

    public static string RabbitMq => Environment.GetEnvironmentVariable("HC_TEST_RABBITMQ") is { Length: > 0 } r ? r : "amqp://guest:guest@127.0.0.1:5673/";

    /// <summary>The same broker as another user (deploy/rabbitmq/definitions.json: hc-service, region-&lt;id&gt;).</summary>
    public static string RabbitMqAs(string user, string password)
    {
        // Not UriBuilder: the address may list several nodes (amqp://u:p@host1:5672,host2:5672/), which no Uri holds.
        var rabbit = RabbitMq;
        var start = rabbit.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = rabbit.IndexOfAny(['/', '?', '#'], start);
        if (end < 0) end = rabbit.Length;
        var at = rabbit.LastIndexOf('@', end - 1, end - start);
        return rabbit[..start] + Uri.EscapeDataString(user) + ":" + Uri.EscapeDataString(password) + "@" + rabbit[(at < 0 ? start : at + 1)..];
    }
}
