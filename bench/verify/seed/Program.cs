// Publishes N Shanghai (310000) green statuses to hc.status as region-310000 would: plain RabbitMQ.Client, persistent,
// publisher confirms, up to 256 unconfirmed. Codes are "SH" + <8-digit run> + <10-digit index> (bench/verify/verify.lua
// builds the same), sequence 1, holders (valid GB 11643 numbers) taken in code order: every tenth holder holds 2 or 3
// codes (alternately), the others one, so verify reads the holder index for about a fifth of the codes, as it would for
// people who carry codes of several regions.
// Usage: dotnet run -c Release -- <amqp-uri> <run (8 digits)> <count>
using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

if (args.Length != 3 || args[1].Length != 8)
{
    Console.Error.WriteLine("usage: Seed <amqp-uri> <run: 8 digits> <count>");
    return 2;
}
var uri = args[0];
var run = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);

var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "hc-bench-seed", AutomaticRecoveryEnabled = false };
await using var connection = await factory.CreateConnectionAsync();
await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
var clock = Stopwatch.StartNew();
using var slots = new SemaphoreSlim(256);
var pending = new List<Task>(count);
var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
var holder = 0;
var heldByHolder = 0;
var holders = 0;
var multiHolders = 0;
for (var i = 0; i < count; i++)
{
    if (heldByHolder == CodesOf(holder))
    {
        holder++;
        heldByHolder = 0;
    }
    if (heldByHolder == 0)
    {
        holders++;
        if (CodesOf(holder) > 1) multiHolders++;
    }
    heldByHolder++;
    await slots.WaitAsync();
    pending.Add(PublishAsync(i, holder));
}
await Task.WhenAll(pending);
Console.WriteLine($"seeded {count} codes SH{run}0000000000..SH{run}{count - 1:D10} of {holders} holders ({multiHolders} with 2-3 codes) " +
                  $"in {clock.Elapsed.TotalSeconds:0.0} s (all confirmed)");
return 0;

// Every tenth holder (9, 19, …) holds 2 or 3 codes, alternately; the rest one.
static int CodesOf(int holder) => holder % 10 != 9 ? 1 : 2 + holder / 10 % 2;

async Task PublishAsync(int i, int holderIndex)
{
    try
    {
        var code = "SH" + run + i.ToString("D10", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"codeId":"{{{code}}}","color":0,"holder":{"name":"周杰","idType":1,"idNo":"{{{ResidentId(holderIndex)}}}"},"updatedAt":"{{{now}}}","nat":{"result":"NEGATIVE"}}""");
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            MessageId = Guid.NewGuid().ToString("N"),
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["hc-region"] = "310000"u8.ToArray(), ["hc-sequence"] = 1L },
        };
        await channel.BasicPublishAsync("hc.status", "310000", mandatory: true, properties, body);
    }
    finally
    {
        slots.Release();
    }
}

// Area 310104, a birth date per thousand holders, a sequence within it, and the ISO 7064 MOD 11-2 check character.
static string ResidentId(int i)
{
    var first17 = "310104" + new DateTime(1950, 1, 1).AddDays(i / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                  + (i % 1000).ToString("D3", CultureInfo.InvariantCulture);
    int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = 0;
    for (var k = 0; k < 17; k++) sum += (first17[k] - '0') * weights[k];
    return first17 + "10X98765432"[sum % 11];
}
