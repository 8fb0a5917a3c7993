using System.Text.Json;

namespace HealthCode.Playground.Tests.Support;

/// <summary>
/// One service process and one browser for a test class; a fresh browser context (and page) per test. Screenshots go
/// to &lt;test output&gt;/screenshots and are attached to the test.
/// </summary>
public abstract class PlaygroundPage
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext? _context;

    protected ApiProcess Api { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected int RegionCount { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The machine running these is shared and small: give the page room before calling a wait a failure.
        SetDefaultExpectTimeout(20_000);
        // The browser first: without it there is nothing to test, and no service to stop.
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Api = await ApiProcess.StartAsync();
        using var client = Api.Client();
        using var regions = JsonDocument.Parse(await client.GetStringAsync("/v1/regions"));
        RegionCount = regions.RootElement.GetArrayLength();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Api is not null) await Api.DisposeAsync();
    }

    [SetUp]
    public async Task OpenAsync()
    {
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1100 } });
        Page = await _context.NewPageAsync();
        Page.SetDefaultTimeout(30_000);
        await Page.GotoAsync(new Uri(Api.BaseAddress, "/playground/").ToString());
        await Expect(Page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
    }

    [TearDown]
    public async Task CloseAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await ScreenshotAsync("failed-" + TestContext.CurrentContext.Test.MethodName);
            TestContext.Out.WriteLine(Api.Output());
        }
        if (_context is not null) await _context.DisposeAsync();
    }

    protected ILocator ByTestId(string id) => Page.GetByTestId(id);

    protected ILocator TranslationRow(string region) => Page.Locator($"[data-testid='translation-row'][data-region='{region}']");

    protected async Task LoadSampleAsync(string region, string sample)
    {
        await ByTestId("region-select").SelectOptionAsync(region);
        await ByTestId($"sample-{region}-{sample}").ClickAsync();
        await Expect(ByTestId("status")).ToContainTextAsync($"{region}/{sample}:");
    }

    protected async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
