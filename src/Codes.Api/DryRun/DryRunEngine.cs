using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using HealthCode.Api.Composition;
using HealthCode.Api.Samples;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Schemas;
using HealthCode.Translator.Serialization;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace HealthCode.Api.DryRun;

/// <summary>
/// The one place the dry run and the playground call into the Translator and the Verifier, so the rest of the feature
/// depends only on this class. Nothing here writes: verify runs over a store of its own holding the one record.
/// </summary>
public sealed partial class DryRunEngine(
    IRegionCatalog regions,
    INormalizer normalizer,
    IPolicyCatalog policies,
    TimeProvider time,
    IOptions<VerificationOptions> verification,
    IOptions<DataFileOptions> dataFiles)
{
    // Never read: Decide judges the entries it is given.
    private static readonly IStatusStore EmptyStore = new InMemoryStatusStore(TimeProvider.System);

    // Never read either: Decide judges the entry alone, without the issuer's silence budget.
    private static readonly IRegionalLedger SilentLedger = new InMemoryRegionalLedger(TimeProvider.System, Options.Create(new RegionalOptions()));

    private const string CheckpointId = "dry-run";

    // As RegionCatalog reads profile files: camelCase, names matched exactly.
    private static readonly JsonSerializerOptions ProfileIn = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly JsonSerializerOptions ProfileOut = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> TimeFields = new(StringComparer.Ordinal)
    {
        CanonicalFields.CodeStatusAt, CanonicalFields.CodeValidUntil, CanonicalFields.NatSampledAt, CanonicalFields.NatReportedAt,
    };

    public bool IsLoaded(string region) => regions.Find(region) is not null;

    /// <summary>The payload format of a loaded region; null for a region that is not loaded.</summary>
    public PayloadFormat? FormatOf(string region) => regions.Find(region)?.Format;

    public static string MediaTypeOf(PayloadFormat format) => MediaTypes.ForFormat(format);

    /// <summary>The active profile of a loaded region, as JSON a draft can start from.</summary>
    public JsonNode? ActiveProfile(string region) =>
        regions.Find(region) is { } profile ? JsonSerializer.SerializeToNode(profile.Definition, ProfileOut) : null;

    /// <summary>A shipped sample with its status time set to now, so it verifies as current (as the embedded seeding does).</summary>
    public byte[] WithCurrentStatusTime(string region, byte[] body) =>
        regions.Find(region) is { } profile ? StatusTimeRewriter.Rewrite(profile, body, time.GetUtcNow()) : body;

    /// <summary>The active profile of <paramref name="region"/>, or the compiled <paramref name="draft"/>; null with the draft's errors.</summary>
    public PreparedProfile? Prepare(string? region, JsonElement? draft, out IReadOnlyList<ProfileError> errors)
    {
        errors = [];
        if (draft is null)
            return regions.Find(region ?? "") is { } profile ? new PreparedProfile(profile, regions, IsDraft: false) : null;

        var found = new List<ProfileError>();
        var prepared = CompileDraft(draft.Value, found);
        errors = found;
        return prepared;
    }

    /// <summary>What the profile's author should know without it stopping the run: today, a missing or incomplete FHIR CodeSystem.</summary>
    public IReadOnlyList<ProfileWarning> ProfileWarnings(PreparedProfile prepared)
    {
        // Read per run, not cached: a CodeSystem added beside a reloaded profile counts at once.
        var folder = Path.Combine(dataFiles.Value.Schemas, "fhir");
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "CodeSystem-*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return FhirCodeSystemCheck.Warnings(prepared.Profile, files);
    }

    public NormalizedSample Normalize(PreparedProfile prepared, byte[] body, string? contentType, DateTimeOffset? eventTime)
    {
        NormalizationResult result;
        try
        {
            result = normalizer.Normalize(prepared.Profile, body, contentType, new NormalizationContext(time.GetUtcNow(), eventTime));
        }
        catch (Exception e) when (prepared.IsDraft && e is not OperationCanceledException)
        {
            // A draft is untrusted input to the engine: whatever it trips over is this sample's error, never a 500.
            return new NormalizedSample(null, [], new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [""] = [$"the draft profile failed on this payload ({e.GetType().Name})"],
            });
        }
        if (result.Succeeded) return new NormalizedSample(result.Record, result.Warnings, new Dictionary<string, string[]>());
        var errors = result.Errors.Count > 0
            ? result.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)
            : new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = [result.FailureDetail ?? result.Failure.ToString()] };
        return new NormalizedSample(null, result.Warnings, errors);
    }

    /// <summary>The record in its wire form (DESIGN.md §3), for comparing with expected values.</summary>
    public JsonNode RecordJson(CanonicalRecord record) => JsonSerializer.SerializeToNode(record, CanonicalJson.Options)!;

    public static bool IsTimeField(string field) => TimeFields.Contains(field);

    public static JsonElement Fhir(CanonicalRecord record)
    {
        using var document = JsonDocument.Parse(FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(record)));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// What verify would decide at <paramref name="at"/> if the record were the only stored status (its statusAt as
    /// sent), under the active policy of the checkpoint's province, with the prepared profile as the issuer's.
    /// </summary>
    public async Task<VerifyAttempt> VerifyAsync(PreparedProfile prepared, CanonicalRecord record, string? region, string? scene,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (scene is null || !Scenes.All.Contains(scene))
            return VerifyAttempt.Failed("checkpoint.scene", $"must be one of: {string.Join(", ", Scenes.All.Order(StringComparer.Ordinal))}");

        // The verifier's own pure decision: the record judged as the only stored status, no store read or written.
        var service = new VerificationService(EmptyStore, SilentLedger, prepared.Catalog, policies, time, verification);
        var checkpoint = new CheckpointInfo(region ?? "", scene, CheckpointId);
        if (service.Rules.CheckCheckpoint(checkpoint) is { Count: > 0 } problems)
            return VerifyAttempt.Failed(problems[0].Field, problems[0].Detail);
        // No holder key: a lone record links to no other code.
        var entry = StatusEntry.FromRecord(record, new EventSequence(1), holderKey: null, receivedAt: at);
        VerifyResponse response;
        try
        {
            response = service.Decide(entry, [], checkpoint, at);
        }
        catch (RegexMatchTimeoutException)
        {
            return VerifyAttempt.Failed("checkpoint", "the issuer's code pattern did not match the code in time");
        }

        await Task.CompletedTask.WaitAsync(cancellationToken);
        return new VerifyAttempt(new DryRunVerify(response.Decision, response.Level, response.Reasons, response.Policy, response.Display, at), null, null);
    }

    // The Translator's own draft compiler: schema, shape and semantic checks (regexes, zones, map targets), never throwing.
    private PreparedProfile? CompileDraft(JsonElement draft, List<ProfileError> errors)
    {
        if (draft.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ProfileError("$", "the profile must be a JSON object"));
            return null;
        }

        var compiled = ProfileDraft.Compile(draft);
        if (compiled.Profile is not { } profile)
        {
            errors.AddRange(compiled.Errors);
            return null;
        }

        return new PreparedProfile(profile, new DraftOverlayCatalog(regions, profile), IsDraft: true);
    }

}
