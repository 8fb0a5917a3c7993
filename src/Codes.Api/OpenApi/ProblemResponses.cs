using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Each problem type becomes a schema whose <c>type</c> is its URI (<see cref="ProblemCatalog"/>); every
/// application/problem+json response is then oneOf the types its status can carry, with an example of each
/// (<see cref="OperationExamples"/> puts real ones over these where the operation has them).
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer
{
    public const string MediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var kind in ProblemCatalog.All) SchemaBuilder.Register(document, kind.SchemaName, Schema(kind));
        foreach (var (_, _, operation) in SchemaBuilder.Operations(document))
        {
            foreach (var (code, response) in operation.Responses ?? [])
            {
                if (response.Content is null || !response.Content.TryGetValue(MediaType, out var media) || !int.TryParse(code, out var status)) continue;
                var kinds = ProblemCatalog.ForStatus(status);
                if (kinds.Count == 0) continue;
                media.Schema = SchemaBuilder.OneOf([.. kinds.Select(k => k.SchemaName)], document);
                media.Examples = kinds.ToDictionary(k => Name(k.Type), k => (IOpenApiExample)new OpenApiExample
                {
                    Summary = k.Title,
                    Value = Example(k, status),
                });
                if (response is OpenApiResponse concrete)
                    concrete.Description = $"{concrete.Description}: problem {string.Join(" or ", kinds.Select(k => Name(k.Type)))}";
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The last segment of the type URI ("validation"), the name examples of that type go by.</summary>
    public static string Name(string type) => type[(type.LastIndexOf('/') + 1)..];

    private static OpenApiSchema Schema(ProblemKind kind)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Title = Name(kind.Type),
            Description = $"{kind.Description} Problem type `{kind.Type}` (RFC 9457).",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = kind.Type, Format = "uri" },
                ["title"] = SchemaBuilder.String(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [.. kind.Statuses.Select(s => (JsonNode)JsonValue.Create(s))] },
                ["detail"] = SchemaBuilder.NullableString(),
                ["instance"] = SchemaBuilder.NullableString(),
                ["traceId"] = SchemaBuilder.String("Names this request in the service's logs and traces."),
            },
        };
        if (kind.Errors) schema.Properties["errors"] = SchemaBuilder.Errors();
        if (kind.Extension is { } extension)
        {
            schema.Properties[extension] = SchemaBuilder.String("A stable word for why (e.g. issuer-not-detected).");
            schema.Required.Add(extension);
        }
        return schema;
    }

    private static JsonObject Example(ProblemKind kind, int status)
    {
        var example = new JsonObject { ["type"] = kind.Type, ["title"] = kind.Title, ["status"] = status };
        if (kind.Detail is not null) example["detail"] = kind.Detail;
        if (kind.Extension is not null) example[kind.Extension] = "issuer-not-detected";
        example["traceId"] = "0HNF3OT5IS1TN:00000001";
        return example;
    }
}
