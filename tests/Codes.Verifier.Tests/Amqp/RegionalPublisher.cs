using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// Publishes the way a regional system does: plain RabbitMQ.Client, raw native bytes, AMQP properties and string
/// headers (as byte[] on the wire), sequence as a long, publisher confirms. Deliberately uses none of our types.
/// </summary>
public sealed class RegionalPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _exchange;

    private RegionalPublisher(IConnection connection, IChannel channel, string exchange)
    {
        _connection = connection;
        _channel = channel;
        _exchange = exchange;
    }

    public IChannel Channel => _channel;

    public static async Task<RegionalPublisher> OpenAsync(string exchange, string? uri = null)
    {
        var connection = await AmqpTestEnvironment.ConnectAsync(uri, "hc-test-regional-publisher");
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        return new RegionalPublisher(connection, channel, exchange);
    }

    public Task PublishAsync(string region, byte[] body, long sequence, string contentType = "application/json",
        string? headerRegion = null, string? kind = null, object? sequenceHeader = null, string? messageId = null)
    {
        var headers = new Dictionary<string, object?>
        {
            ["hc-region"] = Encoding.UTF8.GetBytes(headerRegion ?? region),
            ["hc-sequence"] = sequenceHeader ?? sequence,
        };
        if (kind is not null) headers["hc-kind"] = Encoding.UTF8.GetBytes(kind);
        var properties = new BasicProperties
        {
            ContentType = contentType,
            MessageId = messageId ?? Guid.NewGuid().ToString("N"),
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
        return _channel.BasicPublishAsync(_exchange, region, mandatory: true, properties, body).AsTask();
    }

    public static string ContentTypeOf(string file) =>
        file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "application/xml" : "application/json";

    public static string SequenceText(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
