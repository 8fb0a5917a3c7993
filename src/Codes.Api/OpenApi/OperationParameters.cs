using HealthCode.Api.Auth;
using HealthCode.Api.Composition;
using HealthCode.Api.Endpoints;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Per operation: the security it needs (the X-Api-Key scheme, or explicitly none for the anonymous ones) and the closed
/// sets its parameters take: loaded region ids for {region}, from and to; canonical | fhir for format; the event kinds
/// for X-HC-Kind.
/// </summary>
public sealed class OperationParameters(IRegionCatalog regions) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var regionIds = regions.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case StatusEventHeaders.Sequence:
                    parameter.Required = true;
                    parameter.Description = "Strictly increasing per code value within the region (int64 > 0).";
                    break;
                case StatusEventHeaders.Kind:
                    parameter.Schema = SchemaBuilder.Enum(["status", "revoke"]);
                    parameter.Description = "status (default) or revoke.";
                    break;
                case StatusEventHeaders.Signature:
                    parameter.Description = "Base64 ECDSA P-256 signature of the body (docs/signing.md); required for regions with trust keys.";
                    break;
                case "format":
                    parameter.Schema = SchemaBuilder.Enum([NormalizeEndpoints.CanonicalFormat, NormalizeEndpoints.FhirFormat]);
                    parameter.Description = "fhir answers a FHIR R4 Bundle (as does Accept: application/fhir+json); canonical (default) the record.";
                    break;
                case "region" when parameter.In == ParameterLocation.Path:
                case "from" or "to" when parameter.In == ParameterLocation.Query:
                    parameter.Schema = SchemaBuilder.Enum(regionIds, description: "A loaded region (GB/T 2260 province-level code).");
                    break;
            }
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Security ??= [];
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.SchemeId, context.Document)] = [] });
        return Task.CompletedTask;
    }
}
