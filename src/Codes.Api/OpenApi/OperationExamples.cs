using System.Text.Json.Nodes;
using HealthCode.Api.Contracts;
using HealthCode.Api.DryRun;
using HealthCode.Api.Endpoints;
using HealthCode.Api.Health;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Translation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Request and response examples for every operation, taken from the shipped samples and computed by the service
/// itself (<see cref="ExampleSource"/>): Beijing's green and pop-up payloads (JSON), Shaanxi's (XML), and what
/// normalize, FHIR, translate, verify, the dry run and the region endpoints answer for them; the regional-system and
/// admin operations' from <see cref="RegionalExamples"/>.
/// </summary>
public sealed class OperationExamples(ExampleSource source, IRegionCatalog regions, RiskTranslator translator,
    SampleLibrary library, DryRunEngine engine, DryRunRunner dryRun, HealthExamples health,
    RegionalExamples regional) : IOpenApiDocumentTransformer
{
    public const string Region = "110000";
    public const string XmlRegion = "610000";
    public const string UnknownRegion = "999999";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = await BuildAsync(cancellationToken);
        foreach (var (_, _, operation) in SchemaBuilder.Operations(document))
        {
            if (operation.OperationId is { } id && examples.TryGetValue(id, out var set)) set.ApplyTo(operation);
        }
    }

    private async Task<Dictionary<string, ExampleSet>> BuildAsync(CancellationToken ct)
    {
        var green = source.Sample(Region, "green");
        var popup = source.Sample(Region, "popup-4");
        var xml = source.Sample(XmlRegion, "green");
        var code = source.Record(Region, green).Code.Value;
        var gate = new CheckpointBody("110105", "general", "gate-1");
        var metro = new CheckpointBody("110105", "transport", "metro-1");
        // Pop-up ④ without its sub-status: the profile requires tcbh with 弹窗, so normalize names it.
        var noSubStatus = JsonNode.Parse(popup.Body)!.AsObject();
        noSubStatus.Remove("tcbh");

        var examples = new Dictionary<string, ExampleSet>(StringComparer.Ordinal)
        {
            ["Live"] = new ExampleSet().Response(200, "live", "The process runs", source.Serialize(HealthEndpoints.Live().Value)),
            ["Ready"] = health.Ready(new ExampleSet()),
            ["ListRegions"] = new ExampleSet()
                .Response(200, "regions", "The loaded profiles", source.ToJson(RegionEndpoints.List(regions))),
            ["GetRegion"] = new ExampleSet().Parameter("region", Region)
                .Response(200, "beijing", "Beijing's profile", source.ToJson(RegionEndpoints.Get(Region, regions)))
                .Problem(Obj(source.ToJson(RegionEndpoints.Get(UnknownRegion, regions)))),
            ["Normalize"] = new ExampleSet().Parameter("region", Region).Parameter("format", NormalizeEndpoints.FhirFormat)
                .Request(MediaTypes.Json, "beijing-green", "Beijing, green (110000)", ExampleSource.Body(green))
                .Request(MediaTypes.Json, "beijing-popup-4", "Beijing, pop-up ④ (110000)", ExampleSource.Body(popup))
                .Request(MediaTypes.Xml, "shaanxi-green", "Shaanxi, green (610000, XML)", ExampleSource.Body(xml))
                .Request(MediaTypes.TextXml, "shaanxi-green", "Shaanxi, green (610000, XML)", ExampleSource.Body(xml))
                .Response(200, "beijing-green", "The canonical record of Beijing's green sample",
                    await source.NormalizeAsync(Region, green.Body, green.ContentType, ct: ct))
                .Response(200, "beijing-green", "The same sample as a FHIR R4 Bundle (?format=fhir)",
                    await source.NormalizeAsync(Region, green.Body, green.ContentType, NormalizeEndpoints.FhirFormat, ct), FhirJson.MediaType)
                .Problem(Obj(await source.NormalizeAsync(Region, "{\"mz\": ", MediaTypes.Json, ct: ct)))
                .Problem(Obj(await source.NormalizeAsync(Region, green.Body, green.ContentType, "xml", ct)))
                .Problem(Obj(await source.NormalizeAsync(UnknownRegion, green.Body, green.ContentType, ct: ct)))
                .Problem(Obj(await source.NormalizeAsync(Region, xml.Body, xml.ContentType, ct: ct)))
                .Problem(Obj(await source.NormalizeAsync(Region, noSubStatus.ToJsonString(), MediaTypes.Json, ct: ct))),
            ["Translate"] = new ExampleSet()
                .Parameter("from", Region).Parameter("to", "440000").Parameter("level", "弹窗").Parameter("subStatus", "popup-4")
                .Response(200, "beijing-popup-4-in-guangdong", "Beijing pop-up ④ in Guangdong's words",
                    source.ToJson(TranslateEndpoints.Translate(translator, Region, "440000", "弹窗", "popup-4")))
                .Problem(Obj(source.ToJson(TranslateEndpoints.Translate(translator, Region, "440000", "紫码")))),
            ["Verify"] = new ExampleSet()
                .Request(MediaTypes.Json, "beijing-gate", "Beijing's green code at a Beijing gate", source.Serialize(new VerifyRequestBody(code, gate)))
                .Request(MediaTypes.Json, "beijing-metro", "The same code at a metro gate (needs a NAT within 72 h)", source.Serialize(new VerifyRequestBody(code, metro)))
                .Response(200, "beijing-gate", "accept", source.Decide(green, Region, gate))
                .Response(200, "beijing-metro", "deny: nat-required", source.Decide(green, Region, metro))
                .Problem(Obj(await source.RefusedVerifyAsync(new VerifyRequestBody(code, gate with { Scene = "stadium" }), ct)))
                .Problem(Obj(await source.RefusedVerifyAsync(new VerifyRequestBody("ZZ-NOT-A-KNOWN-CODE", gate), ct))),
            ["PublishStatusEvent"] = new ExampleSet().Parameter("region", Region).Parameter(StatusEventHeaders.Sequence, "2")
                .Parameter(StatusEventHeaders.Kind, "status")
                .Request(MediaTypes.Json, "beijing-green", "Beijing, green (110000)", ExampleSource.Body(green))
                .Request(MediaTypes.Xml, "shaanxi-green", "Shaanxi, green (610000, XML)", ExampleSource.Body(xml))
                .Request(MediaTypes.TextXml, "shaanxi-green", "Shaanxi, green (610000, XML)", ExampleSource.Body(xml))
                .Response(202, "accepted", "The bus confirmed the event", source.Serialize(new StatusEventAccepted("3f9d0c8e5b7a4e21a6c2d4b8e0f1a2b3")))
                .Problem(Obj(await source.RefusedPublishAsync(Region, green.Body, green.ContentType, "x", ct)))
                .Problem(Obj(await source.RefusedPublishAsync(UnknownRegion, green.Body, green.ContentType, "2", ct)))
                .Problem(Obj(await source.RefusedPublishAsync(Region, xml.Body, xml.ContentType, "2", ct))),
            ["DryRunProfile"] = await DryRunAsync(green, ct),
            ["RegionSamples"] = new ExampleSet().Parameter("region", Region)
                .Response(200, "beijing", "Beijing's samples", source.ToJson(DryRunEndpoints.Samples(Region, library)))
                .Problem(Obj(source.ToJson(DryRunEndpoints.Samples(UnknownRegion, library)))),
            ["RegionProfile"] = new ExampleSet().Parameter("region", Region)
                .Response(200, "beijing", "Beijing's active profile", source.ToJson(DryRunEndpoints.ActiveProfile(Region, engine)))
                .Problem(Obj(source.ToJson(DryRunEndpoints.ActiveProfile(UnknownRegion, engine)))),
        };
        await regional.AddAsync(examples, green, noSubStatus.ToJsonString(), ct);
        return examples;
    }

    private async Task<ExampleSet> DryRunAsync(RegionSample green, CancellationToken ct)
    {
        var request = new DryRunRequest(Region, null, false,
            [new DryRunSample(green.Name, green.ContentType, green.Body, null, new DryRunCheckpoint("110105", "transport"), null, null)]);
        return new ExampleSet()
            .Request(MediaTypes.Json, "beijing-green", "Beijing's active profile on its green sample, at a metro gate", source.Serialize(request))
            .Response(200, "beijing-green", "Normalized; verify would deny it at a metro gate (nat-required)",
                source.Serialize(await dryRun.RunAsync(request, ct)));
    }

    private static JsonObject Obj(JsonNode? node) => node?.AsObject() ?? throw new InvalidOperationException("An example problem is empty.");
}
