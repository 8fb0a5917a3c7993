using HealthCode.Api.Problems;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.Tests.Operations;

/// <summary>The OpenAPI document a client generates from: valid, complete, with examples that match their own schemas.</summary>
public sealed class OpenApiDocumentTests
{
    private ApiFactory _factory = null!;
    private string _text = null!;
    private JsonElement _document;

    [OneTimeSetUp]
    public async Task Fetch()
    {
        _factory = new ApiFactory();
        using var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _text = await response.Content.ReadAsStringAsync();
        _document = JsonDocument.Parse(_text).RootElement;
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        from path in _document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    private JsonElement Schema(string name) => _document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    [Test]
    public async Task The_document_validates_with_swagger_parser_and_every_example_matches_its_own_schema()
    {
        var result = await OpenApiValidator.ValidateAsync(_text);
        TestContext.Out.WriteLine(result.Output);
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("openapi: valid"));
    }

    [Test]
    public void Every_operation_has_request_and_response_examples()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in Operations())
        {
            if (operation.TryGetProperty("requestBody", out var body))
                foreach (var media in body.GetProperty("content").EnumerateObject())
                    if (!HasExamples(media.Value)) missing.Add($"{name} request {media.Name}");
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
                if (parameter.TryGetProperty("required", out var required) && required.GetBoolean() && !parameter.TryGetProperty("example", out _))
                    missing.Add($"{name} parameter {parameter.GetProperty("name").GetString()}");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
                foreach (var media in response.Value.TryGetProperty("content", out var c) ? c.EnumerateObject() : Enumerable.Empty<JsonProperty>())
                    if (!HasExamples(media.Value)) missing.Add($"{name} response {response.Name} {media.Name}");
        }
        Assert.That(Operations().Count(), Is.GreaterThanOrEqualTo(11));
        Assert.That(missing, Is.Empty);
    }

    private static bool HasExamples(JsonElement media) =>
        media.TryGetProperty("example", out _) || (media.TryGetProperty("examples", out var examples) && examples.EnumerateObject().Any());

    [Test]
    public void Every_operation_declares_its_security_the_api_key_on_v1_and_none_on_health()
    {
        foreach (var (name, operation) in Operations())
        {
            Assert.That(operation.TryGetProperty("security", out var security), Is.True, name);
            var schemes = security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            Assert.That(schemes, name.Contains(" /v1/", StringComparison.Ordinal) ? Is.EqualTo(new[] { "ApiKey" }) : Is.Empty, name);
        }
    }

    [Test]
    public void Each_problem_type_is_a_schema_carrying_its_type_uri_and_problem_responses_use_only_them()
    {
        var schemas = _document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("type", out var t) && t.TryGetProperty("const", out _))
            .ToDictionary(s => s.Value.GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!, s => s.Name);
        Assert.That(schemas.Keys, Is.EquivalentTo(ProblemTypes.All));

        var verify422 = _document.GetProperty("paths").GetProperty("/v1/verify").GetProperty("post").GetProperty("responses").GetProperty("422")
            .GetProperty("content").GetProperty("application/problem+json");
        var refs = verify422.GetProperty("schema").GetProperty("oneOf").EnumerateArray().Select(r => r.GetProperty("$ref").GetString()).ToList();
        Assert.That(refs, Is.EquivalentTo(new[] { "#/components/schemas/ValidationProblem", "#/components/schemas/UnprocessableCodeProblem" }));
        Assert.That(verify422.GetProperty("examples").GetProperty("unprocessable-code").GetProperty("value").GetProperty("code").GetString(),
            Is.EqualTo(VerifyProblemCodes.IssuerNotDetected), "the example is what verify answered");
    }

    [Test]
    public void Enums_list_decisions_reasons_levels_scenes_event_kinds_and_health_states()
    {
        Assert.That(Strings(Schema("Decision").GetProperty("enum")), Is.EqualTo(new[] { "accept", "deny", "manual" }));
        Assert.That(Strings(Schema("RiskLevel").GetProperty("enum")), Is.EqualTo(new[] { "green", "yellow", "red", "unknown" }));
        Assert.That(Strings(Schema("VerifyResponse").GetProperty("properties").GetProperty("reasons").GetProperty("items").GetProperty("enum")),
            Is.SupersetOf(ReasonCodes.All));
        Assert.That(Strings(Schema("CheckpointBody").GetProperty("properties").GetProperty("scene").GetProperty("enum")), Is.EquivalentTo(Scenes.All));
        Assert.That(Strings(Schema("TranslateResponse").GetProperty("properties").GetProperty("level").GetProperty("enum")), Does.Contain("yellow"));
        Assert.That(Strings(Schema("HealthCheckBody").GetProperty("properties").GetProperty("status").GetProperty("enum")), Does.Contain("Unhealthy"));
        var kind = _document.GetProperty("paths").GetProperty("/v1/regions/{region}/status-events").GetProperty("post").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "X-HC-Kind");
        Assert.That(Strings(kind.GetProperty("schema").GetProperty("enum")), Is.EqualTo(new[] { "status", "revoke" }));
    }

    [Test]
    public void The_FHIR_answer_is_a_FHIR_Bundle_and_native_payloads_are_described_per_content_type()
    {
        var normalize = _document.GetProperty("paths").GetProperty("/v1/regions/{region}/normalize").GetProperty("post");
        var fhir = normalize.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/fhir+json");
        Assert.That(fhir.GetProperty("schema").GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/FhirBundle"));
        Assert.That(fhir.GetProperty("examples").EnumerateObject().First().Value.GetProperty("value").GetProperty("resourceType").GetString(), Is.EqualTo("Bundle"));
        Assert.That(Schema("FhirBundle").GetProperty("properties").GetProperty("resourceType").GetProperty("const").GetString(), Is.EqualTo("Bundle"));

        var content = normalize.GetProperty("requestBody").GetProperty("content");
        Assert.That(content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), Does.EndWith("NativeJsonPayload"));
        Assert.That(content.GetProperty("application/xml").GetProperty("schema").GetProperty("$ref").GetString(), Does.EndWith("NativeXmlPayload"));
        Assert.That(content.GetProperty("application/xml").GetProperty("examples").EnumerateObject().First().Value.GetProperty("value").GetString(),
            Does.StartWith("<"), "Shaanxi's sample as XML text");
    }

    [Test]
    public void Examples_are_the_services_own_answers_for_the_shipped_samples()
    {
        var verify = _document.GetProperty("paths").GetProperty("/v1/verify").GetProperty("post");
        var request = verify.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        Assert.That(request.GetProperty("beijing-gate").GetProperty("value").GetProperty("code").GetString(), Is.EqualTo(Fixtures.BeijingGreenCode));
        var answers = verify.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("examples");
        Assert.That(answers.GetProperty("beijing-gate").GetProperty("value").GetProperty("decision").GetString(), Is.EqualTo("accept"));
        Assert.That(Strings(answers.GetProperty("beijing-metro").GetProperty("value").GetProperty("reasons")), Does.Contain(ReasonCodes.NatRequired));
        var validation = _document.GetProperty("paths").GetProperty("/v1/regions/{region}/normalize").GetProperty("post").GetProperty("responses")
            .GetProperty("422").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples").GetProperty("validation");
        Assert.That(validation.GetProperty("value").GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain("/tcbh"));
    }
}
