using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// The examples of one operation: parameter values, request bodies per content type and responses per status. A
/// problem example is filed under its type's name, so it replaces the generic one <see cref="ProblemResponses"/> wrote.
/// </summary>
public sealed class ExampleSet
{
    private readonly Dictionary<string, JsonNode> _parameters = new(StringComparer.Ordinal);
    private readonly List<(string MediaType, string Name, string Summary, JsonNode? Value)> _requests = [];
    private readonly List<(string Status, string MediaType, string Name, string Summary, JsonNode? Value)> _responses = [];

    public ExampleSet Parameter(string name, string value)
    {
        _parameters[name] = JsonValue.Create(value);
        return this;
    }

    public ExampleSet Request(string mediaType, string name, string summary, JsonNode? value)
    {
        _requests.Add((mediaType, name, summary, value));
        return this;
    }

    public ExampleSet Response(int status, string name, string summary, JsonNode? value, string mediaType = "application/json")
    {
        _responses.Add((status.ToString(System.Globalization.CultureInfo.InvariantCulture), mediaType, name, summary, value));
        return this;
    }

    /// <summary>A problem as the endpoint answered it: status, type and title are read from the body itself.</summary>
    public ExampleSet Problem(JsonObject problem, string? summary = null)
    {
        var status = problem["status"]!.GetValue<int>();
        var type = problem["type"]!.GetValue<string>();
        return Response(status, ProblemResponses.Name(type), summary ?? problem["title"]!.GetValue<string>(), problem, ProblemResponses.MediaType);
    }

    public void ApplyTo(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && _parameters.TryGetValue(name, out var value)) parameter.Example = value.DeepClone();
        }
        foreach (var (mediaType, name, summary, value) in _requests)
        {
            if (SchemaBuilder.Get(operation.RequestBody?.Content, mediaType) is { } media) Add(media, name, summary, value);
        }
        // The operation's own problem examples replace the generic ones of their status (which may not all apply to it).
        var replaced = new HashSet<OpenApiMediaType>();
        foreach (var (status, mediaType, name, summary, value) in _responses)
        {
            if (SchemaBuilder.Get(SchemaBuilder.Get(operation.Responses, status)?.Content, mediaType) is not { } media) continue;
            if (mediaType == ProblemResponses.MediaType && replaced.Add(media)) media.Examples?.Clear();
            Add(media, name, summary, value);
        }
    }

    private static void Add(OpenApiMediaType media, string name, string summary, JsonNode? value)
    {
        media.Examples ??= new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
        media.Examples[name] = new OpenApiExample { Summary = summary, Value = value?.DeepClone() };
    }
}
