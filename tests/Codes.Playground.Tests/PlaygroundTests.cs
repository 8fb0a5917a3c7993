using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthCode.Playground.Tests;

[Category("Browser")]
public sealed class PlaygroundTests : PlaygroundPage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task The_development_key_is_prefilled_in_the_embedded_default()
    {
        await Expect(ByTestId("api-key")).ToHaveValueAsync(ApiProcess.DevelopmentKey);
    }

    [Test]
    public async Task A_known_region_sample_shows_its_canonical_level_translation_into_every_region_and_the_verify_decision()
    {
        await LoadSampleAsync("110000", "green");

        await Expect(ByTestId("canonical-level")).ToHaveTextAsync("green");
        await Expect(ByTestId("canonical-record")).ToContainTextAsync("\"issuer\": \"110000\"");
        await Expect(ByTestId("record-source")).ToContainTextAsync("region 110000");
        // hs/ts is informational in Beijing's profile: a field-not-mapped warning, highlighted in the native payload.
        await Expect(ByTestId("warnings")).ToContainTextAsync("/hs/ts");
        await Expect(ByTestId("unmapped-field")).ToContainTextAsync("\"ts\"");
        await Expect(ByTestId("translation-row")).ToHaveCountAsync(RegionCount);
        await Expect(TranslationRow("440000")).ToContainTextAsync("绿码");
        await Expect(TranslationRow("810000")).ToContainTextAsync("exact");
        // Checkpoint defaults to the region, scene general, time now; the sample's status time is now: accept.
        await Expect(ByTestId("verify-decision")).ToHaveTextAsync("accept");
        await Expect(ByTestId("verify-policy")).ToContainTextAsync("policy 110000");
        await Expect(ByTestId("fhir")).ToContainTextAsync("\"resourceType\": \"Bundle\"");
        await ScreenshotAsync("known-region-sample");
    }

    [Test]
    public async Task Verify_at_another_checkpoint_scene_and_time_shows_that_decision()
    {
        await LoadSampleAsync("110000", "green");
        await ByTestId("checkpoint-region").FillAsync("110105");
        await ByTestId("checkpoint-scene").SelectOptionAsync("general");
        // Two days on, the 24 h status has gone stale: verify must not accept.
        await ByTestId("checkpoint-at").FillAsync(DateTime.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ss"));
        await ByTestId("run").ClickAsync();

        await Expect(ByTestId("verify-decision")).ToHaveTextAsync("manual");
        await Expect(ByTestId("verify-reasons")).ToContainTextAsync("stale-status");
        await ScreenshotAsync("verify-stale");
    }

    [Test]
    public async Task An_xml_region_sample_shows_its_payload_as_xml_and_its_record()
    {
        await LoadSampleAsync("610000", "red");

        await Expect(ByTestId("canonical-level")).ToHaveTextAsync("red");
        await Expect(ByTestId("native-payload")).ToContainTextAsync("<CodeStatus>R</CodeStatus>");
        await Expect(ByTestId("verify-decision")).ToHaveTextAsync("deny");
    }

    [Test]
    public async Task An_uploaded_payload_runs_like_a_pasted_one()
    {
        await ByTestId("region-select").SelectOptionAsync("440000");
        // The shipped samples are copied next to the test (samples/<region>/), as next to the service.
        await ByTestId("payload-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "samples", "440000", "red.json"));

        await Expect(ByTestId("status")).ToContainTextAsync("red.json: normalized");
        await Expect(ByTestId("canonical-level")).ToHaveTextAsync("red");
        await Expect(ByTestId("content-type")).ToHaveValueAsync("application/json");
    }

    [Test]
    public async Task A_broken_sample_shows_the_field_error_at_its_native_pointer()
    {
        await LoadSampleAsync("110000", "green");
        var payload = await ByTestId("payload").InputValueAsync();
        await ByTestId("payload").FillAsync(payload.Replace("居民身份证", "驾驶证", StringComparison.Ordinal));
        await ByTestId("run").ClickAsync();

        await Expect(ByTestId("field-error")).ToContainTextAsync("/zjlx");
        await Expect(ByTestId("field-error")).ToContainTextAsync("not an allowed value");
        // The offending native line is marked in the payload panel.
        await Expect(ByTestId("error-field")).ToContainTextAsync("驾驶证");
        await Expect(ByTestId("canonical-level")).ToBeEmptyAsync();
        await Expect(ByTestId("status")).ToContainTextAsync("not normalized");
        await ScreenshotAsync("broken-sample");
    }

    [Test]
    public async Task A_draft_profile_with_an_error_shows_the_profile_error_naming_the_field()
    {
        await LoadSampleAsync("110000", "green");
        var draft = await StartDraftFromRegionAsync();
        draft["fields"]![3]!["to"] = "person.passportNumber";
        await ByTestId("draft-profile").FillAsync(draft.ToJsonString(Indented));
        await ByTestId("run").ClickAsync();

        await Expect(ByTestId("profile-error")).ToContainTextAsync("fields[3].to");
        await Expect(ByTestId("profile-error")).ToContainTextAsync("not a canonical field");
        await Expect(ByTestId("canonical-record")).ToBeEmptyAsync();
        await ScreenshotAsync("draft-profile-error");
    }

    [Test]
    public async Task A_valid_draft_profile_normalizes_the_sample_and_verify_uses_it()
    {
        await LoadSampleAsync("110000", "green");
        var draft = await StartDraftFromRegionAsync();
        draft["labels"]!["green"] = "绿色通行";
        await ByTestId("draft-profile").FillAsync(draft.ToJsonString(Indented));
        await ByTestId("run").ClickAsync();

        await Expect(ByTestId("record-source")).ToContainTextAsync("draft profile 110000");
        await Expect(ByTestId("canonical-level")).ToHaveTextAsync("green");
        await Expect(ByTestId("profile-errors-panel")).ToBeHiddenAsync();
        // The checkpoint stands in the draft's own region, so its label comes from the draft.
        await Expect(ByTestId("verify-level")).ToContainTextAsync("绿色通行");
        await ScreenshotAsync("draft-profile-valid");
    }

    [Test]
    public async Task Every_regions_samples_are_one_click_away()
    {
        var regions = await ByTestId("region-select").Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.That(regions, Has.Length.EqualTo(RegionCount));
        foreach (var region in regions)
        {
            await ByTestId("region-select").SelectOptionAsync(region);
            await Expect(ByTestId("sample-buttons").Locator($"[data-testid^='sample-{region}-']").First).ToBeVisibleAsync();
        }
    }

    private async Task<JsonNode> StartDraftFromRegionAsync()
    {
        await ByTestId("load-profile").ClickAsync();
        await Expect(ByTestId("use-draft")).ToBeCheckedAsync();
        await Expect(ByTestId("draft-profile")).Not.ToBeEmptyAsync();
        return JsonNode.Parse(await ByTestId("draft-profile").InputValueAsync())!;
    }
}
