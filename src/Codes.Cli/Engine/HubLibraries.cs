using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Schemas;
using HealthCode.Translator.Serialization;
using HealthCode.Translator.Translation;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace HealthCode.Cli.Engine;

/// <summary>
/// The only door from the CLI into Codes.Translator and Codes.Verifier: everything else in the tool speaks the small
/// records of this folder, so when the libraries' internals move only this file follows them.
/// </summary>
public sealed class HubLibraries
{
    // Links one run's codes by holder inside a throw-away in-memory store; never persisted, so a fixed secret is enough.
    private static readonly HolderKeys Holders = HolderKeys.FromSecret("hc-cli-local-holder-secret");

    private readonly RegionCatalog _regions;
    private readonly PolicyCatalog _policies;
    private readonly string _policiesDirectory;
    private readonly Normalizer _normalizer;
    private readonly RiskTranslator _translator;

    private HubLibraries(RegionCatalog regions, PolicyCatalog policies, string policiesDirectory)
    {
        _regions = regions;
        _policies = policies;
        _policiesDirectory = policiesDirectory;
        _normalizer = new Normalizer();
        _translator = new RiskTranslator(regions);
    }

    public IReadOnlyList<string> RegionIds => _regions.All.Select(p => p.Id).ToArray();

    /// <summary>Loads every profile of <paramref name="regionsDirectory"/> and every policy of <paramref name="policiesDirectory"/>.</summary>
    public static HubLibraries Load(string regionsDirectory, string policiesDirectory) =>
        new(LoadRegions(regionsDirectory), LoadPolicies(policiesDirectory), policiesDirectory);

    /// <summary>A catalog of one profile file (a profile being written, not yet in a folder).</summary>
    public static HubLibraries LoadProfile(string profileFile, string policiesDirectory)
    {
        using var folder = new ScratchFolder();
        File.Copy(profileFile, Path.Combine(folder.Path, ProfileId(profileFile) + ".json"));
        return new HubLibraries(LoadRegions(folder.Path), LoadPolicies(policiesDirectory), policiesDirectory);
    }

    /// <summary>The same profiles with <paramref name="draftFile"/> in place of the active policy of the same id.</summary>
    public HubLibraries WithDraftPolicy(string draftFile)
    {
        string id;
        try
        {
            id = JsonNode.Parse(File.ReadAllText(draftFile))?["id"]?.GetValue<string>() ?? throw new CliInputException($"{draftFile}: field 'id' is missing");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new CliInputException($"{draftFile}: not a policy: {ex.Message}");
        }

        using var folder = new ScratchFolder();
        foreach (var file in Directory.GetFiles(_policiesDirectory, "*.json"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        File.Copy(draftFile, Path.Combine(folder.Path, id + ".json"), overwrite: true);
        try
        {
            return new HubLibraries(_regions, PolicyCatalog.LoadFromDirectory(folder.Path), _policiesDirectory);
        }
        catch (PolicyLoadException ex)
        {
            throw new CliInputException($"{draftFile}: field '{ex.Field}': {ex.Problem}");
        }
    }

    public string DefaultContentType(string region) => _regions.Find(region)?.Format == PayloadFormat.Xml ? MediaTypes.Xml : MediaTypes.Json;

    public NormalizeOutcome Normalize(PayloadInput payload, DateTimeOffset at, bool fhir)
    {
        if (_regions.Find(payload.Region) is not { } profile)
            return new NormalizeOutcome(null, null, "unknown-region", $"no profile for region {payload.Region}", [new FieldIssue("region", "unknown region")], []);
        var result = _normalizer.Normalize(profile, payload.Body, payload.ContentType, new NormalizationContext(at));
        var warnings = result.Warnings.Select(w => new FieldIssue(w.Field ?? "", w.Message, w.Code)).ToArray();
        if (!result.Succeeded)
        {
            var errors = result.Errors.SelectMany(e => e.Value.Select(m => new FieldIssue(e.Key, m))).ToArray();
            return new NormalizeOutcome(null, null, FailureName(result.Failure), result.FailureDetail, errors, warnings);
        }

        var canonical = JsonNode.Parse(CanonicalJson.Serialize(result.Record!))!.AsObject();
        var bundle = fhir ? FhirJson.Serialize(FhirBundleWriter.ToBundle(result.Record!), indented: true) : null;
        return new NormalizeOutcome(canonical, bundle, null, null, [], warnings);
    }

    public TranslateOutcome Translate(string from, string to, string level, string? subStatus)
    {
        try
        {
            var result = _translator.Translate(from, to, level, subStatus);
            return new TranslateOutcome(result.Level.ToWire(), result.Target.Region, result.Target.Label, result.Target.NativeLevel, result.Exact);
        }
        catch (TranslationException ex)
        {
            var option = ex.ParamName == "subStatus" ? "sub-status" : ex.ParamName;
            throw new CliInputException($"--{option}: {ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal)}");
        }
    }

    /// <summary>
    /// Normalizes <paramref name="alsoHeld"/> and <paramref name="subject"/> as their regions would publish them, and asks
    /// each checkpoint at <paramref name="at"/> through the service's own pure decision (no store): what verify would say
    /// if the hub held exactly these statuses.
    /// </summary>
    public IReadOnlyList<CheckpointDecision> Decide(PayloadInput subject, IReadOnlyList<PayloadInput> alsoHeld, IReadOnlyList<CheckpointQuery> checkpoints, DateTimeOffset at)
    {
        var entries = new List<StatusEntry>();
        foreach (var status in alsoHeld.Append(subject))
        {
            var profile = _regions.Find(status.Region);
            var result = profile is null ? null : _normalizer.Normalize(profile, status.Body, status.ContentType, new NormalizationContext(at));
            if (result is null || !result.Succeeded)
            {
                var fields = result is null ? "unknown region" : string.Join(", ", result.Errors.Keys.Order(StringComparer.Ordinal));
                return checkpoints.Select(c => new CheckpointDecision(c, null, [], null, null, $"{status.Region} status rejected: normalization-failed ({fields})")).ToArray();
            }

            entries.Add(StatusEntry.FromRecord(result.Record!, new EventSequence(1), Holders, at));
        }

        var entry = entries[^1];
        var others = entries.Take(entries.Count - 1).Where(e => e.HolderKey == entry.HolderKey).ToArray();
        // Decide reads neither store: they are there because VerificationService also serves live lookups.
        var verifier = new VerificationService(new InMemoryStatusStore(TimeProvider.System),
            new InMemoryRegionalLedger(TimeProvider.System, Options.Create(new RegionalOptions())), _regions, _policies, TimeProvider.System,
            Options.Create(new VerificationOptions()));
        return checkpoints.Select(checkpoint =>
        {
            var query = new CheckpointInfo(checkpoint.Region, checkpoint.Scene, "hc-cli");
            if (verifier.Rules.CheckCheckpoint(query) is { Count: > 0 } problems)
                return new CheckpointDecision(checkpoint, null, [], null, null, string.Join(" ", problems.Select(p => $"{p.Field}: {p.Detail}")));
            var response = verifier.Decide(entry, others, query, at);
            return new CheckpointDecision(checkpoint, response.Decision.ToString().ToLowerInvariant(), response.Reasons, response.Level.ToWire(),
                $"{response.Policy.Id}@{response.Policy.Version}", null);
        }).ToArray();
    }

    /// <summary>The Translator's draft compiler over the file (schema, then semantic checks), each error naming the profile field.</summary>
    public static IReadOnlyList<FieldIssue> LintProfile(string profileFile)
    {
        var compiled = ProfileDraft.Compile(File.ReadAllBytes(profileFile));
        var issues = compiled.Errors.Select(e => new FieldIssue(e.Path, e.Message)).ToList();
        // A catalog folder wants <id>.json; a draft saved under another name still gets every other check.
        if (DeclaredId(profileFile) is { } id && Path.GetFileName(profileFile) != id + ".json")
            issues.Add(new FieldIssue("id", $"'{id}' does not match the file name; a catalog folder needs it as {id}.json"));
        return issues;
    }

    /// <summary>Every leaf error of <paramref name="json"/> against <paramref name="schema"/>, named as a reader of the file would.</summary>
    public static IReadOnlyList<FieldIssue> CheckSchema(JsonSchema schema, string json)
    {
        try
        {
            return SchemaErrors.Leaves(schema.Validate(json))
                .Select(e => new FieldIssue(SchemaErrors.FieldOf(e), Humanize(e.Kind.ToString())))
                .Distinct()
                .ToArray();
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or FormatException)
        {
            return [new FieldIssue("(file)", "not valid JSON: " + ex.Message)];
        }
    }

    private static string? DeclaredId(string profileFile)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(profileFile))?["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A catalog folder wants <id>.json; a profile being written may be saved under any name.
    private static string ProfileId(string profileFile)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(profileFile))?["id"]?.GetValue<string>()
                ?? throw new CliInputException($"{profileFile}: field 'id' is missing");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new CliInputException($"{profileFile}: field 'id': {ex.Message}");
        }
    }

    internal static RegionCatalog LoadRegions(string directory)
    {
        if (!Directory.Exists(directory)) throw new CliInputException($"profile folder not found: {directory}");
        try
        {
            return RegionCatalog.LoadFromDirectory(directory);
        }
        catch (ProfileLoadException ex)
        {
            throw new CliInputException($"{ex.File}: field '{ex.Field}': {ex.Problem}");
        }
    }

    private static PolicyCatalog LoadPolicies(string directory)
    {
        if (!Directory.Exists(directory)) throw new CliInputException($"policy folder not found: {directory}");
        try
        {
            return PolicyCatalog.LoadFromDirectory(directory);
        }
        catch (PolicyLoadException ex)
        {
            throw new CliInputException($"{ex.File}: field '{ex.Field}': {ex.Problem}");
        }
    }

    private static string FailureName(FailureKind kind) => kind switch
    {
        FailureKind.UnsupportedMediaType => "unsupported-media-type",
        FailureKind.Malformed => "malformed",
        _ => "invalid",
    };

    // NJsonSchema kinds read "PropertyRequired"; a person reads "property required".
    private static string Humanize(string kind) =>
        string.Concat(kind.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
