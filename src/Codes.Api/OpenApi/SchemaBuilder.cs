using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>Short spellings of the few schema shapes the transformers write.</summary>
public static class SchemaBuilder
{
    public static OpenApiSchema String(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };

    public static OpenApiSchema NullableString() => new() { Type = JsonSchemaType.String | JsonSchemaType.Null };

    public static OpenApiSchema Enum(IEnumerable<string> values, bool nullable = false, string? description = null) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)), .. nullable ? [null!] : Array.Empty<JsonNode>()],
        Description = description,
    };

    public static OpenApiSchema Errors() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Field (a request field, header or native field path) → messages. Names and values from a payload never appear.",
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = String() },
    };

    public static IOpenApiSchema Ref(string id, OpenApiDocument document) => new OpenApiSchemaReference(id, document);

    /// <summary>One reference, or oneOf them.</summary>
    public static IOpenApiSchema OneOf(IReadOnlyList<string> ids, OpenApiDocument document) =>
        ids.Count == 1 ? Ref(ids[0], document) : new OpenApiSchema { OneOf = [.. ids.Select(id => Ref(id, document))] };

    public static void Register(OpenApiDocument document, string id, IOpenApiSchema schema)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[id] = schema;
    }

    /// <summary>The entry under key, or null (the OpenAPI model's maps are IDictionary, often null themselves).</summary>
    public static TValue? Get<TValue>(IDictionary<string, TValue>? map, string key) where TValue : class =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>Every operation of the document with its path and method.</summary>
    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key, operation.Value);
}
