using System.Text;

namespace HealthCode.Api.Tests;

public sealed class NormalizeTests : DevelopmentHostTests
{
    public static IEnumerable<string> AllSamples() => Fixtures.All();

    [TestCaseSource(nameof(AllSamples))]
    public async Task Every_shipped_sample_normalizes_to_its_expected_record(string sample)
    {
        var response = await Client.PostAsync($"/v1/regions/{Fixtures.Region(sample)}/normalize", Fixtures.Content(sample));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);

        // The translator's own tests compare every field; over HTTP the code and person groups must come through intact.
        var actual = Flat(JsonDocument.Parse(text).RootElement.GetProperty("record"), "");
        var expectedPath = Path.Combine(Fixtures.Root, Path.ChangeExtension(sample, null) + ".expected.json");
        var expected = JsonDocument.Parse(File.ReadAllText(expectedPath)).RootElement.GetProperty("canonical")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.That(actual, Is.SubsetOf(expected));
        Assert.That(actual.Keys, Is.SupersetOf(expected.Keys.Where(k => k.StartsWith("code.") || k.StartsWith("person.") || k == "issuer")));
    }

    [Test]
    public async Task The_response_carries_warnings_with_their_native_field()
    {
        var body = await (await Client.PostAsync("/v1/regions/110000/normalize", Fixtures.Content("110000/green.json"))).Content.ReadFromJsonAsync<JsonElement>();
        var warning = body.GetProperty("warnings").EnumerateArray().Single();
        Assert.That(warning.GetProperty("code").GetString(), Is.EqualTo("field-not-mapped"));
        Assert.That(warning.GetProperty("field").GetString(), Is.EqualTo("/hs/ts"));
    }

    [TestCase("?format=fhir", null)]
    [TestCase("", "application/fhir+json")]
    public async Task Fhir_is_returned_for_the_format_parameter_or_the_accept_header(string query, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/110000/normalize" + query) { Content = Fixtures.Content("110000/green.json") };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/fhir+json"));
        var bundle = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(bundle.GetProperty("resourceType").GetString(), Is.EqualTo("Bundle"));
    }

    [Test]
    public async Task An_unknown_format_is_400_naming_the_parameter()
    {
        var response = await Client.PostAsync("/v1/regions/110000/normalize?format=pdf", Fixtures.Content("110000/green.json"));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "format" }));
    }

    [Test]
    public async Task An_unknown_region_is_404()
    {
        var response = await Client.PostAsync("/v1/regions/999999/normalize", Fixtures.Content("110000/green.json"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.NotFound, "unknown-region");
    }

    [TestCase("application/xml")]
    [TestCase("text/plain")]
    [TestCase(null)]
    public async Task A_content_type_other_than_the_regions_format_is_415(string? contentType)
    {
        var content = new ByteArrayContent(Fixtures.Read("110000/green.json"));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await Client.PostAsync("/v1/regions/110000/normalize", content);
        await ProblemAssert.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Test]
    public async Task Xml_regions_accept_text_xml_too()
    {
        var response = await Client.PostAsync("/v1/regions/610000/normalize", Fixtures.Body(Fixtures.Read("610000/green.xml"), "text/xml; charset=utf-8"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Malformed_json_is_400()
    {
        var response = await Client.PostAsync("/v1/regions/110000/normalize", Fixtures.Json("{\"mz\": "));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "malformed");
    }

    [Test]
    public async Task Xml_with_a_dtd_is_422_naming_the_doctype()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE HealthCode [<!ENTITY x \"y\">]><HealthCode><CodeValue>&x;</CodeValue></HealthCode>";
        var response = await Client.PostAsync("/v1/regions/610000/normalize", Fixtures.Body(Encoding.UTF8.GetBytes(xml), "application/xml"));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EquivalentTo(new[] { "/!DOCTYPE" }));
    }

    [Test]
    public async Task An_invalid_payload_is_422_naming_the_native_field()
    {
        // 弹窗 (pop-up) requires tcbh, the pop-up number.
        var json = Encoding.UTF8.GetString(Fixtures.Read("110000/green.json")).Replace("\"未见异常\"", "\"弹窗\"");
        var response = await Client.PostAsync("/v1/regions/110000/normalize", Fixtures.Json(json));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.That(ProblemAssert.ErrorKeys(problem), Does.Contain("/tcbh"));
    }

    [Test]
    public async Task A_body_over_64_KiB_is_413()
    {
        var response = await Client.PostAsync("/v1/regions/110000/normalize", Fixtures.Body(new byte[64 * 1024 + 1], "application/json"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Test]
    public async Task A_body_over_64_KiB_without_a_content_length_is_413()
    {
        var content = new StreamContent(new ChunkedStream(64 * 1024 + 10));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = await Client.PostAsync("/v1/regions/110000/normalize", content);
        Assert.That(content.Headers.ContentLength, Is.Null);
        await ProblemAssert.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    private static Dictionary<string, string> Flat(JsonElement element, string prefix) =>
        element.EnumerateObject().Where(p => p.Name != "schemaVersion").SelectMany<JsonProperty, KeyValuePair<string, string>>(p => p.Value.ValueKind == JsonValueKind.Object
            ? Flat(p.Value, prefix + p.Name + ".")
            : [new KeyValuePair<string, string>(prefix + p.Name, p.Value.ToString())]).ToDictionary();

    /// <summary>A stream of unknown length, so the request goes out without Content-Length.</summary>
    private sealed class ChunkedStream(int length) : MemoryStream(new byte[length])
    {
        public override bool CanSeek => false;
    }
}
