using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Api.Contracts;
using HealthCode.Api.DryRun;
using HealthCode.Api.Endpoints;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Verification;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Real answers for the document's examples: the shipped samples (status time set to now) run through the same
/// handlers and services the endpoints use, serialized with the same JSON options. Only calls that stop before any
/// side effect are made: a refused publish or verify never reaches the bus or the store.
/// </summary>
public sealed class ExampleSource(
    IServiceProvider services,
    SampleLibrary samples,
    IRegionCatalog regions,
    INormalizer normalizer,
    VerificationService verification,
    TimeProvider time,
    IOptions<JsonOptions> json)
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public RegionSample Sample(string region, string name) =>
        samples.For(region)?.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"The sample {region}/{name} is not shipped (samples/ next to the binary).");

    /// <summary>A sample's body as the example value of its content type: the JSON itself, or the XML text.</summary>
    public static JsonNode? Body(RegionSample sample) =>
        sample.ContentType == MediaTypes.Json ? JsonNode.Parse(sample.Body) : JsonValue.Create(sample.Body);

    public async Task<JsonNode?> NormalizeAsync(string region, string body, string contentType, string? format = null, CancellationToken ct = default)
    {
        var request = Request(body, contentType);
        return ToJson(await NormalizeEndpoints.Normalize(region, format, request, regions, normalizer, time, ct));
    }

    /// <summary>A publish the endpoint refuses before it reaches the bus (bad sequence, kind, region or content type).</summary>
    public async Task<JsonNode?> RefusedPublishAsync(string region, string body, string contentType, string? sequence, CancellationToken ct = default)
    {
        // Never the real bus: an example that the endpoint accepted would otherwise be a real status event.
        var bus = new NoBus();
        var result = await StatusEventEndpoints.Publish(region, sequence, null, null, null, null, null, Request(body, contentType), regions,
            bus, services.GetRequiredService<HealthCode.Verifier.Regional.IRegionalLedger>(), time, services.GetRequiredService<ILoggerFactory>(), ct);
        return !bus.Reached && result.Result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult
            ? ToJson(result)
            : throw new InvalidOperationException("An example publish reached the bus: examples must be refused before it.");
    }

    /// <summary>A verify refused before the store is read (400 or 422).</summary>
    public async Task<JsonNode?> RefusedVerifyAsync(VerifyRequestBody body, CancellationToken ct = default)
    {
        var result = await VerifyEndpoints.Answer(body, verification, ct);
        return result.Result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult
            ? ToJson(result)
            : throw new InvalidOperationException("An example verify was decided: examples must not read the store.");
    }

    /// <summary>What verify answers for the sample when its status is the one stored (the verifier's own decision, no store).</summary>
    public JsonNode? Decide(RegionSample sample, string region, CheckpointBody checkpoint)
    {
        var record = Record(region, sample);
        var entry = StatusEntry.FromRecord(record, new EventSequence(1), holderKey: null, time.GetUtcNow());
        return Serialize(verification.Decide(entry, [], new CheckpointInfo(checkpoint.Region!, checkpoint.Scene!, checkpoint.Id), time.GetUtcNow()));
    }

    public CanonicalRecord Record(string region, RegionSample sample)
    {
        var now = time.GetUtcNow();
        var result = normalizer.Normalize(regions.Find(region)!, Encoding.UTF8.GetBytes(sample.Body), sample.ContentType, new NormalizationContext(now, now));
        return result.Record ?? throw new InvalidOperationException($"The sample {region}/{sample.Name} does not normalize.");
    }

    public JsonNode? Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, _options);

    /// <summary>An endpoint's result as its body: the value, the bytes of a file result (FHIR), or the problem with its traceId.</summary>
    public JsonNode? ToJson(object? result) => result switch
    {
        INestedHttpResult nested => ToJson(nested.Result),
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem => Problem(problem.ProblemDetails),
        Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult file => JsonNode.Parse(file.FileContents.Span),
        IValueHttpResult value => JsonSerializer.SerializeToNode(value.Value, _options),
        _ => throw new InvalidOperationException($"No example body for {result?.GetType().Name ?? "null"}."),
    };

    // The pipeline adds traceId to every problem (PipelineSetup); the example shows one.
    private JsonObject Problem(Microsoft.AspNetCore.Mvc.ProblemDetails details)
    {
        var node = JsonSerializer.SerializeToNode(details, details.GetType(), _options)!.AsObject();
        node["traceId"] = "0HNF3OT5IS1TN:00000001";
        return node;
    }

    private sealed class NoBus : IStatusEventPublisher
    {
        public bool Reached { get; private set; }

        public Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default)
        {
            Reached = true;
            return Task.CompletedTask;
        }
    }

    private HttpRequest Request(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
