using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Bodies the generator cannot see from the C# types: a native payload (read raw) is described per content type, a
/// JSON object for application/json and an XML document for application/xml and text/xml; the FHIR answer
/// (application/fhir+json, and a dry run's fhir member) is a FHIR R4 Bundle, not the normalize record.
/// </summary>
public sealed class PayloadSchemas : IOpenApiDocumentTransformer
{
    public const string FhirBundle = "FhirBundle";
    public const string FhirBundleEntry = "FhirBundleEntry";
    public const string NativeJson = "NativeJsonPayload";
    public const string NativeXml = "NativeXmlPayload";

    /// <summary>The resources a HealthCode bundle holds (docs/fhir.md).</summary>
    public static readonly string[] FhirResources = ["Patient", "Organization", "Observation", "Immunization"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        SchemaBuilder.Register(document, FhirBundleEntry, EntrySchema());
        SchemaBuilder.Register(document, FhirBundle, BundleSchema(document));
        SchemaBuilder.Register(document, NativeJson, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Title = "Native JSON payload",
            Description = "The region's own payload, byte for byte as the region sends it (at most 64 KiB). Its fields are the " +
                          "region's: see GET /v1/regions/{region}/profile and GET /v1/regions/{region}/samples.",
        });
        SchemaBuilder.Register(document, NativeXml, new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Title = "Native XML payload",
            Description = "An XML region's own payload (Shaanxi, 610000), as the region sends it (at most 64 KiB, no DTD).",
            ContentMediaType = MediaTypes.Xml,
        });

        foreach (var (_, _, operation) in SchemaBuilder.Operations(document))
        {
            if (operation.RequestBody?.Content is { } body && body.ContainsKey(MediaTypes.Xml))
            {
                foreach (var (mediaType, media) in body)
                    media.Schema = SchemaBuilder.Ref(mediaType == MediaTypes.Json ? NativeJson : NativeXml, document);
            }
            foreach (var response in (operation.Responses ?? []).Values)
            {
                if (response.Content is not null && response.Content.TryGetValue(FhirJson.MediaType, out var fhir))
                    fhir.Schema = SchemaBuilder.Ref(FhirBundle, document);
            }
        }
        if (SchemaBuilder.Get(document.Components?.Schemas, "DryRunSampleResult") is OpenApiSchema { Properties: { } result } && result.ContainsKey("fhir"))
            result["fhir"] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, SchemaBuilder.Ref(FhirBundle, document)] };
        return Task.CompletedTask;
    }

    private static OpenApiSchema BundleSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Title = "FHIR R4 Bundle",
        Description = "A FHIR R4 Bundle of type collection holding the holder (Patient), the issuer (Organization), the health-code " +
                      "and NAT Observations and the Immunization; valid against the FHIR R4 JSON schema. Mapping: docs/fhir.md.",
        ExternalDocs = new OpenApiExternalDocs { Url = new Uri("https://hl7.org/fhir/R4/bundle.html"), Description = "FHIR R4 Bundle" },
        Required = new HashSet<string> { "resourceType", "type", "entry" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "Bundle" },
            ["type"] = SchemaBuilder.Enum(["collection"]),
            ["entry"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = SchemaBuilder.Ref(FhirBundleEntry, document) },
        },
    };

    private static OpenApiSchema EntrySchema() => new()
    {
        Type = JsonSchemaType.Object,
        Title = "FHIR R4 Bundle.entry",
        Required = new HashSet<string> { "fullUrl", "resource" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["fullUrl"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "urn:uuid:…, derived from the record, stable per record." },
            ["resource"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A FHIR R4 resource (https://hl7.org/fhir/R4/resourcelist.html).",
                Required = new HashSet<string> { "resourceType" },
                Properties = new Dictionary<string, IOpenApiSchema> { ["resourceType"] = SchemaBuilder.Enum(FhirResources) },
            },
        },
    };
}
