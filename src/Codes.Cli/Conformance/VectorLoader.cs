using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Cli.Commands;
using HealthCode.Cli.Engine;
using NJsonSchema;

namespace HealthCode.Cli.Conformance;

/// <summary>
/// Finds and reads vector files (*.vector.json): each checked against the vector schema shipped in the tool, then for
/// what a schema cannot say. Problems come back one line each, naming the file and the field.
/// </summary>
public static class VectorLoader
{
    public const string Suffix = ".vector.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(VectorLoader).Assembly.GetManifestResourceStream("HealthCode.Cli.vector.schema.json")
            ?? throw new InvalidOperationException("vector.schema.json is not embedded in the tool.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    public static VectorSet Load(IEnumerable<string> paths)
    {
        var vectors = new List<ConformanceVector>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*" + Suffix, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : [path];
            if (files.Length == 0) errors.Add($"{path}: no *{Suffix} files");
            foreach (var file in files)
            {
                var problems = new List<string>();
                var vector = Read(file, problems);
                errors.AddRange(problems.Select(p => $"{file}: {p}"));
                if (vector is not null) vectors.Add(vector);
            }
        }

        foreach (var duplicate in vectors.GroupBy(v => v.Name).Where(g => g.Count() > 1))
            errors.Add($"{duplicate.Last().File}: field 'name': '{duplicate.Key}' is also the name of {duplicate.First().File}");
        return new VectorSet(vectors, errors);
    }

    private static ConformanceVector? Read(string file, List<string> problems)
    {
        var text = File.ReadAllText(file);
        var schemaIssues = HubLibraries.CheckSchema(Schema.Value, text);
        problems.AddRange(schemaIssues.Select(i => $"field '{i.Field}': {i.Message}"));
        if (problems.Count > 0) return null;

        JsonObject root;
        try
        {
            root = JsonNode.Parse(text)!.AsObject();
        }
        catch (JsonException ex)
        {
            // The schema check reads JSON more leniently (comments, trailing commas) than the loader does.
            problems.Add($"not strict JSON: {ex.Message}");
            return null;
        }

        if (!DateTimeOffset.TryParse(root["at"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            problems.Add("field 'at': not a valid instant");
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var payload = ReadPayload(root, "", folder, problems);
        var alsoHeld = (root["alsoHeld"]?.AsArray() ?? [])
            .Select((held, i) => ReadPayload(held!.AsObject(), $"alsoHeld[{i}].", folder, problems))
            .ToArray();
        var expectedErrors = root["expectedErrors"]?.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        var expectedFailure = root["expectedFailure"]?.GetValue<string>();
        var expected = root["expected"]?.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal)
            ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var checkpoints = (root["checkpoints"]?.AsArray() ?? []).Select(c => new CheckpointExpectation(
            new CheckpointQuery(c!["region"]!.GetValue<string>(), c["scene"]!.GetValue<string>()),
            c["decision"]!.GetValue<string>(),
            c["reasons"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray())).ToArray();

        var rejects = expectedErrors is not null || expectedFailure is not null;
        if (rejects && expected.Count > 0) problems.Add("field 'expected': a vector expects either canonical fields or errors, not both");
        if (rejects && checkpoints.Length > 0) problems.Add("field 'checkpoints': a refused payload leaves no status to decide on");
        if (!rejects && expected.Count == 0 && checkpoints.Length == 0)
            problems.Add("field 'expected': the vector checks nothing (give expected, expectedErrors or checkpoints)");
        if (problems.Count > 0 || payload is null || alsoHeld.Any(h => h is null)) return null;

        return new ConformanceVector(
            file,
            root["name"]!.GetValue<string>(),
            root["description"]?.GetValue<string>(),
            payload,
            at,
            expected,
            expectedErrors ?? (expectedFailure is null ? null : []),
            expectedFailure ?? (expectedErrors is null ? null : "invalid"),
            alsoHeld!,
            checkpoints);
    }

    private static PayloadInput? ReadPayload(JsonObject node, string prefix, string folder, List<string> problems)
    {
        var inline = node.ContainsKey("payload");
        var fileName = node["payloadFile"]?.GetValue<string>();
        if (inline == (fileName is not null))
        {
            problems.Add($"field '{prefix}payload': give exactly one of payload and payloadFile");
            return null;
        }

        byte[] body;
        if (fileName is not null)
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path))
            {
                problems.Add($"field '{prefix}payloadFile': file not found: {fileName}");
                return null;
            }

            body = File.ReadAllBytes(path);
        }
        else
        {
            var value = node["payload"];
            body = Encoding.UTF8.GetBytes(value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "null");
        }

        var contentType = node["contentType"]?.GetValue<string>()
            ?? (fileName is not null ? ContentTypes.ForFile(fileName) : null)
            ?? ContentTypes.Json;
        return new PayloadInput(node["region"]!.GetValue<string>(), body, contentType);
    }
}
