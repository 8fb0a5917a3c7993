namespace HealthCode.Playground.Tests.Support;

/// <summary>
/// Debian's chromium, driven by Playwright. Playwright's own browser download cannot work offline, so the tests use the
/// distribution's build (CI installs it: scripts/test.sh). Missing, it is a failure, never a skip.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }
}
