// bench/sync: the status-sync path measured against a bare consumer (bench/sync/README.md).
//   SyncBench bare    [--amqp URI] [--redis HOST:PORT] [--count N] [--prefetch P] [--concurrency C]
//   SyncBench service [--publish-amqp URI] [--amqp URI] [--redis HOST:PORT] [--prefix P] [--count N] [--signal FILE]
//   SyncBench latency [--publish-amqp URI] [--redis HOST:PORT] [--prefix P] [--rate R] [--seconds S] [--codes K]
// Each prints one "RESULT key=value ..." line on stdout; progress goes to stderr.
using HealthCode.Bench.Sync;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: SyncBench bare|service|latency [--name value ...]");
    return 2;
}
var options = new BenchArgs(args.Skip(1));
return args[0] switch
{
    "bare" => await BareMode.RunAsync(options),
    "service" => await ServiceMode.RunAsync(options),
    "latency" => await LatencyMode.RunAsync(options),
    _ => 2,
};
