using RabbitMQ.Client;

namespace HealthCode.Testing;

/// <summary>Reads what the consumer dead-lettered (hc.status.error or a run's own error queue).</summary>
public static class ErrorQueue
{
    /// <summary>
    /// Takes (and acks) up to <paramref name="count"/> messages, waiting for them until the deadline; fewer means the
    /// rest never arrived.
    /// </summary>
    public static async Task<List<BasicGetResult>> TakeAsync(IConnection connection, string queue, int count, TimeSpan deadline)
    {
        await using var channel = await connection.CreateChannelAsync();
        var results = new List<BasicGetResult>();
        await Poll.Until(async () =>
        {
            // Drain what is there now; poll again only when the queue ran dry.
            while (results.Count < count && await channel.BasicGetAsync(queue, autoAck: true) is { } got) results.Add(got);
            return results.Count >= count;
        }, deadline);
        return results;
    }
}
