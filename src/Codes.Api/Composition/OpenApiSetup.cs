using HealthCode.Api.Auth;
using HealthCode.Api.OpenApi;
using HealthCode.Api.Problems;
using Microsoft.OpenApi;

namespace HealthCode.Api.Composition;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (browsable at /docs): the X-Api-Key scheme on every protected operation,
/// wire-accurate schemas and enums (<see cref="WireSchemas"/>, <see cref="OperationParameters"/>), native payloads and
/// the FHIR Bundle (<see cref="PayloadSchemas"/>), a schema per problem type (<see cref="ProblemResponses"/>) and real
/// examples on every operation (<see cref="OperationExamples"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string SchemeId = "ApiKey";

    public static IServiceCollection AddHealthCodeOpenApi(this IServiceCollection services)
    {
        services.AddSingleton<ExampleSource>();
        services.AddSingleton<HealthExamples>();
        services.AddSingleton<RegionalExamples>();
        return services.AddOpenApi(options =>
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
            options.AddSchemaTransformer<WireSchemas>();
            options.AddOperationTransformer<OperationParameters>();
            options.AddDocumentTransformer<RequiredMembers>();
            options.AddDocumentTransformer<PayloadSchemas>();
            options.AddDocumentTransformer<ProblemResponses>();
            // Last: it fills in the media types and problem responses the transformers above shaped.
            options.AddDocumentTransformer<OperationExamples>();
        });
    }

    /// <summary>The problems every API-key-protected endpoint may answer.</summary>
    public static TBuilder ProducesAuthProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
