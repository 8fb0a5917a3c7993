using HealthCode.Api.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Request members whose C# type is nullable only so that a missing one gets a 400 naming it: the document says they
/// are required and never null, which is what a valid request looks like.
/// </summary>
public sealed class RequiredMembers : IOpenApiDocumentTransformer
{
    private static readonly HashSet<(string Type, string Member)> Members =
    [
        (nameof(VerifyRequestBody), "code"), (nameof(VerifyRequestBody), "checkpoint"),
        (nameof(CheckpointBody), "region"), (nameof(CheckpointBody), "scene"),
    ];

    public static bool Contains(string type, string member) => Members.Contains((type, member));

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (type, member) in Members)
        {
            if (SchemaBuilder.Get(document.Components?.Schemas, type) is not OpenApiSchema { Properties: { } properties } schema) continue;
            if (SchemaBuilder.Get(properties, member) is OpenApiSchema own) properties[member] = NonNull(own);
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(member);
        }
        return Task.CompletedTask;
    }

    private static IOpenApiSchema NonNull(OpenApiSchema schema)
    {
        if (schema.OneOf is { } choices) return choices.Single(c => c.Type != JsonSchemaType.Null);
        schema.Type &= ~JsonSchemaType.Null;
        return schema;
    }
}
