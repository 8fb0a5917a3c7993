using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace HealthCode.Testing;

/// <summary>
/// Publishes the way a regional system does: plain RabbitMQ.Client, raw native bytes, AMQP properties and string
/// headers (as byte[] on the wire), sequence as a long, publisher confirms. Deliberately uses none of our types, so
/// the tests prove the contract as an outside publisher meets it.
/// </summary>
public sealed class RegionalPublisher : IAsyncDisposable
{
    private readonly IConnection? _ownedConnection;
    private readonly string _exchange;

    private RegionalPublisher(IChannel channel, string exchange, IConnection? ownedConnection)
    {
        Channel = channel;
        _exchange = exchange;
        _ownedConnection = ownedConnection;
    }

    /// <summary>The confirming channel, for tests that watch the broker close it.</summary>
    public IChannel Channel { get; }

    /// <summary>
    /// A confirming channel on <paramref name="connection"/>. Opening the connection is the caller's: each test project
    /// reports an unreachable broker its own way. <paramref name="ownsConnection"/>: dispose it with the publisher.
    /// </summary>
    public static async Task<RegionalPublisher> OpenAsync(IConnection connection, string exchange, bool ownsConnection = false)
    {
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RegionalPublisher(channel, exchange, ownsConnection ? connection : null);
    }

    /// <summary>
    /// Routed by <paramref name="region"/>; completes when the broker confirms. The optional arguments send what a
    /// misbehaving region might: another hc-region, an hc-kind, hc-sequence of another type; <paramref name="tamper"/>
    /// changes anything else just before publishing. A null <paramref name="contentType"/> sends none.
    /// </summary>
    public Task PublishAsync(string region, byte[] body, long sequence, string? contentType = "application/json",
        string? headerRegion = null, string? kind = null, object? sequenceHeader = null, string? messageId = null,
        Action<BasicProperties, Dictionary<string, object?>>? tamper = null)
    {
        var properties = Properties(region, sequence, contentType, messageId ?? Guid.NewGuid().ToString("N"), headerRegion, kind, sequenceHeader);
        tamper?.Invoke(properties, (Dictionary<string, object?>)properties.Headers!);
        return Channel.BasicPublishAsync(_exchange, region, mandatory: true, properties, body).AsTask();
    }

    /// <summary>
    /// The properties a regional system sends: persistent, timestamped now, hc-region and hc-sequence headers.
    /// Public for publishers that manage their own channel (a retrying one sends the same message id on every attempt).
    /// </summary>
    public static BasicProperties Properties(string region, long sequence, string? contentType, string messageId,
        string? headerRegion = null, string? kind = null, object? sequenceHeader = null)
    {
        var headers = new Dictionary<string, object?>
        {
            ["hc-region"] = Encoding.UTF8.GetBytes(headerRegion ?? region),
            ["hc-sequence"] = sequenceHeader ?? sequence,
        };
        if (kind is not null) headers["hc-kind"] = Encoding.UTF8.GetBytes(kind);
        return new BasicProperties
        {
            ContentType = contentType,
            MessageId = messageId,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
    }

    public static string ContentTypeOf(string file) =>
        file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "application/xml" : "application/json";

    public static string SequenceText(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        if (_ownedConnection is not null) await _ownedConnection.DisposeAsync();
    }
}
