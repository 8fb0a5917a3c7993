using HealthCode.Api.Auth;
using HealthCode.Api.Problems;
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
            options.AddOperationTransformer((operation, context, _) =>
            {
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
