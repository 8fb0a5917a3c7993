using System.Globalization;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;

namespace HealthCode.Api.Samples;

/// <summary>
/// Seeds every shipped sample (samples/&lt;region&gt;/&lt;name&gt;.json|xml) through the same <see cref="StatusEventConsumer"/> that
/// every bus uses, with the status time set to now so the samples verify as current. Sequence 1: any event a user
/// publishes afterwards (sequence ≥ 2) supersedes a seeded status.
/// </summary>
public sealed partial class SampleSeeder(
    StatusEventConsumer consumer,
    IRegionCatalog regions,
    TimeProvider time,
    ILogger<SampleSeeder> logger) : IHostedService
{
    public const long SeedSequence = 1;

    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(SamplesDirectory))
        {
            LogNoSamples(SamplesDirectory);
            return;
        }

        int applied = 0, other = 0;
        foreach (var file in Directory.EnumerateFiles(SamplesDirectory, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var region = Path.GetFileName(Path.GetDirectoryName(file))!;
            if (regions.Find(region) is not { } profile || Path.GetExtension(file) != (profile.Format == PayloadFormat.Xml ? ".xml" : ".json")) continue;

            var now = time.GetUtcNow();
            var body = StatusTimeRewriter.Rewrite(profile, await File.ReadAllBytesAsync(file, cancellationToken), now);
            ConsumeResult result;
            try
            {
                result = await consumer.ConsumeAsync(new InboundStatusEvent(
                    region, region, SeedSequence.ToString(CultureInfo.InvariantCulture), EventKind.Status.ToWire(),
                    MediaTypes.ForFormat(profile.Format), body, "seed:" + region + "/" + Path.GetFileName(file), now,
                    Signature: null, KeyId: null, Channel: "seed"), cancellationToken);
            }
            catch (StoreUnavailableException e)
            {
                // Seeding is a convenience: a store that is down must not stop the service from starting (verify answers manual).
                LogStoreUnavailable(e, applied);
                return;
            }
            if (result.Status == ConsumeStatus.Applied) applied++;
            else
            {
                other++;
                LogNotApplied(region, Path.GetFileName(file), result.Status, result.ReasonCode, result.Detail);
            }
        }
        LogSeeded(applied, other);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No samples to seed in {Directory}")]
    private partial void LogNoSamples(string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample {Region}/{File} not applied: {Status} {Reason} ({Detail})")]
    private partial void LogNotApplied(string region, string file, ConsumeStatus status, string? reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample seeding stopped after {Applied} statuses: the status store is unavailable")]
    private partial void LogStoreUnavailable(Exception e, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Applied} sample statuses ({Other} not applied)")]
    private partial void LogSeeded(int applied, int other);
}
