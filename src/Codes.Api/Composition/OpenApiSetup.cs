using HealthCode.Api.Auth;
using HealthCode.Api.Endpoints;
using HealthCode.Api.Problems;
using HealthCode.Translator.Canonical;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace HealthCode.Api.Composition;

/// <summary>The OpenAPI document at /openapi/v1.json: the X-Api-Key scheme on every protected operation, and the problem types.</summary>
public static class OpenApiSetup
{
    private const string SchemeId = "ApiKey";

    public static IServiceCollection AddHealthCodeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "HealthCode API";
                document.Info.Description =
                    "Mutual recognition of regional health codes: normalize, translate, verify, status events. " +
                    "Errors are RFC 9457 problem details; their stable `type` URIs:\n\n" +
                    string.Join("\n", ProblemTypes.All.Select(t => $"- `{t}`"));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "Roles: checkpoint, integrator, publisher:<region>, admin. In Development with no keys configured, 'dev-local-key' holds every role.",
                };
                return Task.CompletedTask;
            });
            // The custom converters write levels as words and times as strings; say so in the schemas.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(RiskLevel))
                {
                    schema.Type = JsonSchemaType.String | (schema.Type & JsonSchemaType.Null);
                    schema.Enum = Enum.GetValues<RiskLevel>().Select(l => (System.Text.Json.Nodes.JsonNode)l.ToWire()).ToList();
                }
                else if (type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String | (schema.Type & JsonSchemaType.Null);
                    schema.Format = "date-time";
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == StatusEventHeaders.Sequence))
                {
                    parameter.Required = true;
                    parameter.Description = "Strictly increasing per code value within the region (int64 > 0).";
                }
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>The problems every API-key-protected endpoint may answer.</summary>
    public static TBuilder ProducesAuthProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
