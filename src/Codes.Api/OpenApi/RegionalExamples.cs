using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Api.Composition;
using HealthCode.Api.DryRun;
using HealthCode.Api.Endpoints;
using HealthCode.Api.Regional;
using HealthCode.Api.Reload;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Catalogs;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Regional.Snapshots;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Examples of the regional-system and admin endpoints: the real handlers answering in a throwaway world of in-memory
/// stand-ins (status store, ledger, snapshot store, catalogues read afresh from the same folders), so an example event
/// is decided by the real consumer yet never reaches the bus, the store or the live catalogues.
/// </summary>
public sealed class RegionalExamples(
    ExampleSource source,
    IRegionCatalog regions,
    INormalizer normalizer,
    HolderKeys holderKeys,
    IEventAuthenticator authenticator,
    IOptions<IngestionOptions> ingestion,
    IOptions<RegionalOptions> regional,
    IOptions<DataFileOptions> files,
    TimeProvider time)
{
    private const string Region = OperationExamples.Region;
    private const string UnknownRegion = OperationExamples.UnknownRegion;
    private const string GreenId = "beijing-green-2";
    private const string RejectedId = "beijing-popup-no-tcbh-3";

    /// <summary>Adds the ?wait answer to <paramref name="publish"/> and the examples of every other regional operation.</summary>
    public async Task AddAsync(Dictionary<string, ExampleSet> examples, RegionSample green, string rejectedBody, CancellationToken ct)
    {
        using var metrics = new IngestionMetrics();
        var ledger = new InMemoryRegionalLedger(time, regional);
        var consumer = new StatusEventConsumer(new InMemoryStatusStore(time), normalizer, regions, holderKeys, time, authenticator, ingestion, metrics);
        var bus = new ConsumingBus(consumer, new OutcomeRecorder(ledger, regions, ingestion, time));

        var applied = await PublishAsync(bus, ledger, green.Body, green.ContentType, "2", GreenId, ct);
        await PublishAsync(bus, ledger, rejectedBody, MediaTypes.Json, "3", RejectedId, ct);
        examples["PublishStatusEvent"].Response(200, "applied", "?wait=2: the consumer applied it", applied);

        examples["Heartbeat"] = new ExampleSet().Parameter("region", Region).Parameter(StatusEventHeaders.Sequence, "1700000000000")
            .Response(200, "applied", "?wait=2: the heartbeat is news (a higher sequence)", source.ToJson(await Heartbeat(bus, ledger, "1700000000000", "wait", ct)))
            .Response(202, "accepted", "The bus confirmed the heartbeat", source.ToJson(await Heartbeat(bus, ledger, "1700000001000", null, ct)))
            .Problem(Obj(source.ToJson(await Heartbeat(bus, ledger, "0", null, ct))));
        examples["GetEventOutcome"] = new ExampleSet().Parameter("region", Region).Parameter("messageId", GreenId)
            .Response(200, "applied", "Beijing's green sample, applied", source.ToJson(await OutcomeEndpoints.Get(Region, GreenId, regions, ledger, ct)))
            .Response(200, "rejected", "Pop-up ④ without its sub-status, rejected",
                source.ToJson(await OutcomeEndpoints.Get(Region, RejectedId, regions, ledger, ct)))
            .Problem(Obj(source.ToJson(await OutcomeEndpoints.Get(Region, "no-such-message", regions, ledger, ct))));
        examples["ListRejections"] = new ExampleSet().Parameter("region", Region)
            .Response(200, "beijing", "Beijing's rejected events", source.ToJson(await RejectionEndpoints.List(Region, null, null, regions, ledger, ct)))
            .Problem(Obj(source.ToJson(await RejectionEndpoints.List(Region, "yesterday", null, regions, ledger, ct))))
            .Problem(Obj(source.ToJson(await RejectionEndpoints.List(UnknownRegion, null, null, regions, ledger, ct))));
        examples["GetFreshness"] = new ExampleSet().Parameter("region", Region)
            .Response(200, "beijing", "Beijing after an event and a heartbeat", source.ToJson(await FreshnessEndpoints.Get(Region, regions, ledger, time, ct)))
            .Problem(Obj(source.ToJson(await FreshnessEndpoints.Get(UnknownRegion, regions, ledger, time, ct))));
        await AddSnapshotsAsync(examples, green, ct);
        examples["ReloadCatalogs"] = new ExampleSet()
            .Response(200, "unchanged", "The folders as shipped: every file active, nothing changed", source.ToJson(ReloadEndpoints.Reload(Reloader())));
    }

    private async Task AddSnapshotsAsync(Dictionary<string, ExampleSet> examples, RegionSample green, CancellationToken ct)
    {
        var snapshots = new SnapshotCoordinator(new InMemorySnapshotStore(time, regional), regional, time, NullLogger<SnapshotCoordinator>.Instance);
        var ndjson = JsonSerializer.Serialize(new { sequence = 2, contentType = green.ContentType, payload = green.Body }) + "\n";
        // Nothing runs the stand-in's queue: the snapshot stays "running", as it reads just after it was received.
        var started = source.ToJson(await Snapshot(snapshots, ndjson, SnapshotEndpoints.MediaTypes[0], ct));
        var id = started!["id"]!.GetValue<string>();
        var set = new ExampleSet().Parameter("region", Region)
            .Response(202, "received", "Received; its lines are being applied", started)
            .Problem(Obj(source.ToJson(await Snapshot(snapshots, ndjson, SnapshotEndpoints.MediaTypes[0], ct))))
            .Problem(Obj(source.ToJson(await Snapshot(snapshots, ndjson, MediaTypes.Json, ct))));
        foreach (var mediaType in SnapshotEndpoints.MediaTypes)
            set.Request(mediaType, "beijing-green", "One line: Beijing's green sample at sequence 2", JsonValue.Create(ndjson));
        examples["PushSnapshot"] = set;
        examples["GetSnapshot"] = new ExampleSet().Parameter("region", Region).Parameter("snapshotId", id)
            .Response(200, "running", "Just received", source.ToJson(await SnapshotEndpoints.Get(Region, id, regions, snapshots, ct)))
            .Problem(Obj(source.ToJson(await SnapshotEndpoints.Get(Region, "no-such-snapshot", regions, snapshots, ct))));
    }

    private Task<Results<Accepted<SnapshotStatus>, ProblemHttpResult>> Snapshot(SnapshotCoordinator snapshots, string body, string contentType,
        CancellationToken ct) =>
        SnapshotEndpoints.Start(Region, null, Http(body, contentType), regions, snapshots, regional, ct);

    private async Task<JsonNode?> PublishAsync(ConsumingBus bus, IRegionalLedger ledger, string body, string contentType, string sequence,
        string messageId, CancellationToken ct) =>
        source.ToJson(await StatusEventEndpoints.Publish(Region, sequence, null, null, null, messageId, "2", Http(body, contentType).Request,
            regions, bus, ledger, time, NullLoggerFactory.Instance, ct));

    private async Task<object> Heartbeat(ConsumingBus bus, IRegionalLedger ledger, string sequence, string? wait, CancellationToken ct) =>
        await FreshnessEndpoints.Heartbeat(Region, sequence, null, null, $"beijing-heartbeat-{sequence}", wait is null ? null : "2",
            Http("", null).Request, regions, bus, ledger, time, NullLoggerFactory.Instance, ct);

    private CatalogReloader Reloader()
    {
        var options = files.Value;
        return new CatalogReloader(new ReloadableRegionCatalog(DataFiles.LoadRegions(options)),
            new ReloadablePolicyCatalog(DataFiles.LoadPolicies(options)), new CatalogReloadState(), files, time, NullLogger<CatalogReloader>.Instance);
    }

    private static DefaultHttpContext Http(string body, string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context;
    }

    private static JsonObject Obj(JsonNode? node) => node?.AsObject() ?? throw new InvalidOperationException("An example problem is empty.");

    /// <summary>The bus stand-in: hands each event straight to the real consumer and records its outcome in the stand-in ledger.</summary>
    private sealed class ConsumingBus(StatusEventConsumer consumer, OutcomeRecorder recorder) : IStatusEventPublisher
    {
        public async Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default) =>
            await recorder.RecordAsync(statusEvent, await consumer.ConsumeAsync(statusEvent, cancellationToken), cancellationToken);
    }
}
