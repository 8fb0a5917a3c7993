using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace HealthCode.Bench.Sync;

/// <summary>
/// Shanghai (310000) events as that region's system publishes them (bench/verify/seed does the same): native JSON body,
/// persistent, message id, timestamp, hc-region and hc-sequence headers. Code "SH" + 8-digit run + 10-digit index,
/// each code its own holder (a valid GB 11643 number).
/// </summary>
internal static class NativeEvents
{
    public const string Region = "310000";

    public static string Code(string run, int index) => "SH" + run + index.ToString("D10", CultureInfo.InvariantCulture);

    public static byte[] Body(string run, int index, DateTimeOffset statusAt) =>
        Encoding.UTF8.GetBytes(
            $$$"""{"codeId":"{{{Code(run, index)}}}","color":0,"holder":{"name":"周杰","idType":1,"idNo":"{{{ResidentId(index)}}}"},"updatedAt":"{{{statusAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}}","nat":{"result":"NEGATIVE"}}""");

    public static BasicProperties Properties(long sequence) => new()
    {
        ContentType = "application/json",
        MessageId = Guid.NewGuid().ToString("N"),
        Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?> { ["hc-region"] = "310000"u8.ToArray(), ["hc-sequence"] = sequence },
    };

    /// <summary>A fresh 8-digit run id: codes and keys of one run never meet another run's.</summary>
    public static string NewRun() => Random.Shared.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    // Area 310104, a birth date per thousand codes, a sequence within it, and the ISO 7064 MOD 11-2 check character.
    private static string ResidentId(int i)
    {
        var first17 = "310104" + new DateTime(1950, 1, 1).AddDays(i / 1000 % 20000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                      + (i % 1000).ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var k = 0; k < 17; k++) sum += (first17[k] - '0') * weights[k];
        return first17 + "10X98765432"[sum % 11];
    }
}
