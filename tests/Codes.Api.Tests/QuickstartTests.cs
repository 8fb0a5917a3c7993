namespace HealthCode.Api.Tests;

/// <summary>The README quickstart: no configuration, Development, verify a seeded sample in one call.</summary>
public sealed class QuickstartTests
{
    [Test]
    public async Task With_no_configuration_in_Development_a_seeded_green_code_verifies()
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey(ApiFactory.DevKey).PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode, "110105", "general"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("accept"));
    }

    public static IEnumerable<TestCaseData> GreenSamples() =>
        Fixtures.All().Where(s => Path.GetFileNameWithoutExtension(s) == "green").Select(s => new TestCaseData(s).SetArgDisplayNames(s));

    [TestCaseSource(nameof(GreenSamples))]
    public async Task Every_seeded_green_sample_is_current_and_accepted_at_a_general_checkpoint(string sample)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, Path.ChangeExtension(sample, null) + ".expected.json")));
        var code = document.RootElement.GetProperty("canonical").GetProperty("code.value").GetString()!;
        using var factory = new ApiFactory();

        var response = await factory.ClientWithKey().PostAsync("/v1/verify", Requests.Verify(code, "000000", "general", Fixtures.Region(sample)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.Empty, body.ToString());
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("accept"));
        Assert.That(body.GetProperty("status").GetProperty("ageSeconds").GetInt64(), Is.LessThan(120));
    }
}
