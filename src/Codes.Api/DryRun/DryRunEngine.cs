using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using HealthCode.Api.Samples;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Schemas;
using HealthCode.Translator.Serialization;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Verification;
using HealthCode.Verifier.Ingestion;
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
    PolicyCatalog policies,
    TimeProvider time,
    IOptions<VerificationOptions> verification)
{
    // Never read: Decide judges the entries it is given.
    private static readonly IStatusStore EmptyStore = new InMemoryStatusStore(TimeProvider.System);

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

    private static readonly Lazy<JsonSchema> ProfileSchema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "schemas", RegionCatalog.SchemaFileName))).GetAwaiter().GetResult());

    public bool IsLoaded(string region) => regions.Find(region) is not null;

    /// <summary>"json" or "xml"; null for a region that is not loaded.</summary>
    public string? FormatOf(string region) => regions.Find(region)?.Format;

    public static string MediaTypeOf(string format) => MediaTypes.ForFormat(format);

    /// <summary>The active profile of a loaded region, as JSON a draft can start from.</summary>
    public JsonNode? ActiveProfile(string region) =>
        regions.Find(region) is { } profile ? JsonSerializer.SerializeToNode(profile, ProfileOut) : null;

    /// <summary>A shipped sample with its status time set to now, so it verifies as current (as the embedded seeding does).</summary>
    public byte[] WithCurrentStatusTime(string region, byte[] body) =>
        regions.Find(region) is { } profile ? StatusTimeRewriter.Rewrite(profile, body, time.GetUtcNow()) : body;

    /// <summary>The active profile of <paramref name="region"/>, or the compiled <paramref name="draft"/>; null with the draft's errors.</summary>
    public PreparedProfile? Prepare(string? region, JsonElement? draft, out IReadOnlyList<ProfileError> errors)
    {
        errors = [];
        if (draft is null)
            return regions.Find(region ?? "") is { } profile ? new PreparedProfile(profile, normalizer, regions, IsDraft: false) : null;

        var found = new List<ProfileError>();
        var prepared = CompileDraft(draft.Value, found);
        errors = found;
        return prepared;
    }

    public NormalizedSample Normalize(PreparedProfile prepared, byte[] body, string? contentType, DateTimeOffset? eventTime)
    {
        NormalizationResult result;
        try
        {
            result = prepared.Normalizer.Normalize(prepared.Profile.Id, body, contentType, new NormalizationContext(time.GetUtcNow(), eventTime));
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
        var service = new VerificationService(EmptyStore, prepared.Catalog, policies, time, verification);
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

    // Today's Translator compiles a profile only from files or on first use; these are the same three steps:
    // the JSON Schema, the record shape, then the compiler's semantic checks (regexes, zones, map targets).
    private PreparedProfile? CompileDraft(JsonElement draft, List<ProfileError> errors)
    {
        if (draft.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ProfileError("$", "the profile must be a JSON object"));
            return null;
        }

        var text = draft.GetRawText();
        ICollection<NJsonSchema.Validation.ValidationError> schemaErrors;
        try
        {
            schemaErrors = ProfileSchema.Value.Validate(text);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            errors.Add(new ProfileError("$", "the profile could not be read (too deeply nested?)"));
            return null;
        }
        if (schemaErrors.Count > 0)
        {
            errors.AddRange(SchemaErrors.Leaves(schemaErrors)
                .Select(e => new ProfileError(SchemaErrors.FieldOf(e), Words(e.Kind.ToString())))
                .Distinct());
            return null;
        }

        RegionProfile profile;
        try
        {
            profile = JsonSerializer.Deserialize<RegionProfile>(text, ProfileIn)!;
        }
        catch (JsonException e)
        {
            errors.Add(new ProfileError(e.Path is { Length: > 2 } path ? path[2..] : "$", "does not have the shape of a region profile"));
            return null;
        }

        var catalog = new DraftOverlayCatalog(regions, profile);
        var draftNormalizer = new Normalizer(catalog);
        try
        {
            // The normalizer compiles a profile it does not hold precompiled on first use; an empty read forces it now.
            draftNormalizer.ReadCodeValue(profile.Id, ReadOnlySpan<byte>.Empty, null);
        }
        catch (ProfileLoadException e)
        {
            errors.Add(new ProfileError(e.Field, e.Problem));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors.Add(new ProfileError("$", $"the profile could not be compiled ({e.GetType().Name})"));
            return null;
        }
        return new PreparedProfile(profile, draftNormalizer, catalog, IsDraft: true);
    }

    // NJsonSchema names its checks in PascalCase (PropertyRequired); a reader wants "property required".
    private static string Words(string kind) => CapitalLetter().Replace(kind, " $0").Trim().ToLowerInvariant();


    [GeneratedRegex("[A-Z]")]
    private static partial Regex CapitalLetter();
}
