// Writes N statuses through RedisStatusStore (the service's own write path) into an empty Redis and prints
// INFO memory's used_memory before and after, divided by N. 10% of holders hold 2–3 codes, as the mix asks.
// Usage: MemoryBench <redis host:port> <statuses> [statusBuckets] [holderBuckets]
using System.Diagnostics;
using System.Globalization;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using StackExchange.Redis;

var endpoint = args.Length > 0 ? args[0] : "127.0.0.1:6395";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var options = new RedisStoreOptions
{
    KeyPrefix = "hc:",
    WriteTimeout = TimeSpan.FromSeconds(30),
    StatusBuckets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : new RedisStoreOptions().StatusBuckets,
    HolderBuckets = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : new RedisStoreOptions().HolderBuckets,
};
using var redis = await ConnectionMultiplexer.ConnectAsync($"{endpoint},allowAdmin=true,syncTimeout=30000,asyncTimeout=30000");
var server = redis.GetServers().First(s => !s.IsReplica);
var store = new RedisStatusStore(redis, options, TimeProvider.System);

long UsedMemory() => redis.GetServers().Where(s => !s.IsReplica).Sum(s =>
    long.Parse(s.Info("memory").SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture));

var before = UsedMemory();
var random = new Random(11);
var statusAt = new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.FromHours(8));
var watch = Stopwatch.StartNew();
var written = 0;
var holder = 0;
var pending = new List<Task>(512);
while (written < count)
{
    // Holder keys are HMAC-SHA256 truncated to 16 bytes in base64url, as HolderKeys computes them.
    var bytes = new byte[16];
    random.NextBytes(bytes);
    var holderKey = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    var codes = holder++ % 10 == 0 ? 2 + random.Next(2) : 1;
    for (var c = 0; c < codes && written < count; c++, written++)
    {
        var issuer = c == 0 ? "310000" : c == 1 ? "330000" : "110000";
        var entry = new StatusEntry(issuer, $"SH{written:D12}", 1 + random.Next(1_000_000), RiskLevel.Green, "绿码", null,
            statusAt.AddMinutes(random.Next(10_000)), statusAt.AddDays(1), false, holderKey, "张*", "3101**********7021",
            "negative", statusAt.AddHours(-20), statusAt.AddHours(-8), 3, false, statusAt.AddMinutes(random.Next(10_000)).AddSeconds(1));
        pending.Add(store.ApplyAsync(entry, TimeSpan.FromDays(7)));
        if (pending.Count == 512)
        {
            await Task.WhenAll(pending);
            pending.Clear();
        }
    }
}
await Task.WhenAll(pending);
var elapsed = watch.Elapsed;
var after = UsedMemory();
Console.WriteLine($"statuses        {count:N0} ({holder:N0} holders, 10% with 2-3 codes)");
Console.WriteLine($"buckets         status {options.StatusBuckets:N0}, holder {options.HolderBuckets:N0}");
Console.WriteLine($"used_memory     {before:N0} -> {after:N0} bytes");
Console.WriteLine($"per status      {(after - before) / (double)count:F1} bytes");
Console.WriteLine($"write rate      {count / elapsed.TotalSeconds:N0} statuses/s through RedisStatusStore.ApplyAsync");
