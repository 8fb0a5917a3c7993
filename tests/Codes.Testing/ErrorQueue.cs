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
        var until = DateTime.UtcNow + deadline;
        while (results.Count < count && DateTime.UtcNow < until)
        {
            var got = await channel.BasicGetAsync(queue, autoAck: true);
            if (got is null) await Task.Delay(20);
            else results.Add(got);
        }
        return results;
    }
}
