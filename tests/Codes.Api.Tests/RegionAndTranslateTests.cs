namespace HealthCode.Api.Tests;

public sealed class RegionAndTranslateTests : DevelopmentHostTests
{
    [Test]
    public async Task Regions_lists_every_shipped_profile()
    {
        var regions = await Client.GetFromJsonAsync<JsonElement>("/v1/regions");
        var ids = regions.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas", "regions"), "*.json").Select(Path.GetFileNameWithoutExtension);
        Assert.That(ids, Is.EquivalentTo(shipped));
    }

    [Test]
    public async Task A_region_shows_its_labels_and_what_each_native_level_means()
    {
        var beijing = await Client.GetFromJsonAsync<JsonElement>("/v1/regions/110000");
        Assert.That(beijing.GetProperty("format").GetString(), Is.EqualTo("json"));
        Assert.That(beijing.GetProperty("labels").GetProperty("green").GetString(), Is.EqualTo("未见异常"));
        var popup = beijing.GetProperty("levels").GetProperty("弹窗");
        Assert.That(popup.GetProperty("level").ValueKind, Is.EqualTo(JsonValueKind.Null), "the value alone decides nothing");
        Assert.That(popup.GetProperty("worstCase").GetString(), Is.EqualTo("red"));
        Assert.That(popup.GetProperty("details").GetProperty("popup-4").GetString(), Is.EqualTo("yellow"));
    }

    [Test]
    public async Task An_unknown_region_is_404()
    {
        await ProblemAssert.AssertProblem(await Client.GetAsync("/v1/regions/999999"), HttpStatusCode.NotFound, "unknown-region");
    }

    [Test]
    public async Task Translate_gives_the_canonical_level_and_the_target_vocabulary()
    {
        var result = await Client.GetFromJsonAsync<JsonElement>("/v1/translate?from=110000&to=440000&level=弹窗&subStatus=popup-4");
        Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("yellow"));
        Assert.That(result.GetProperty("target").GetProperty("region").GetString(), Is.EqualTo("440000"));
        Assert.That(result.GetProperty("target").GetProperty("label").GetString(), Is.EqualTo("黄码"));
        Assert.That(result.GetProperty("exact").GetBoolean(), Is.False, "a pop-up number has no Guangdong equivalent");
    }

    [Test]
    public async Task Translate_of_a_plain_level_is_exact()
    {
        var result = await Client.GetFromJsonAsync<JsonElement>("/v1/translate?from=110000&to=110000&level=未见异常");
        Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("green"));
        Assert.That(result.GetProperty("target").GetProperty("nativeLevel").GetString(), Is.EqualTo("未见异常"));
        Assert.That(result.GetProperty("exact").GetBoolean(), Is.True);
    }

    [TestCase("from=999999&to=440000&level=x", "from")]
    [TestCase("from=110000&to=999999&level=未见异常", "to")]
    [TestCase("from=110000&to=440000&level=紫码", "level")]
    [TestCase("from=110000&to=440000&level=弹窗&subStatus=popup-9", "subStatus")]
    [TestCase("from=110000&to=440000", "level")]
    public async Task A_bad_translate_parameter_is_400_naming_it(string query, string parameter)
    {
        var problem = await ProblemAssert.AssertProblem(await Client.GetAsync("/v1/translate?" + query), HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { parameter }));
    }
}
