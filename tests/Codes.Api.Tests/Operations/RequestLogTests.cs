using HealthCode.Api.Telemetry;
using HealthCode.Api.Tests.Startup;
using Microsoft.Extensions.Logging;

namespace HealthCode.Api.Tests.Operations;

/// <summary>One request log line per request: method, route template, status, duration, the API key's name; never a value.</summary>
public sealed class RequestLogTests
{
    [Test]
    public async Task Each_request_logs_one_line_with_method_route_status_duration_and_key_name_and_no_code_value()
    {
        var logs = new LogCapture();
        await using var api = new ApiFactory("Production", Settings()) { ExtraServices = logs.AddTo };
        var gate = api.ClientWithKey(Keys.Checkpoint);

        Assert.That((await gate.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await gate.GetAsync($"/v1/no-such/{Fixtures.BeijingGreenCode}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await api.CreateClient().GetAsync("/v1/regions")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var lines = await Poll.Until(() => Task.FromResult(RequestLines(logs)), l => l.Count >= 3);
        Assert.That(lines.Select(l => WithoutDuration(l.Message)), Is.EqualTo(new[]
        {
            Line("POST", "/v1/verify", 200, "gate"),
            Line("GET", RequestLogMiddleware.Unmatched, 404, "gate"),
            Line("GET", "/v1/regions/", 401, RequestLogMiddleware.Anonymous),
        }));
        Assert.That(lines[0].StateValues, Does.Contain("Method=POST").And.Contain("Route=/v1/verify").And.Contain("Status=200").And.Contain("ApiKey=gate")
            .And.Some.StartsWith("DurationMs="));
        // The line's own text and values; ASP.NET Core's request scope (RequestPath) is the host's, shown only with IncludeScopes.
        var own = lines.Select(l => string.Join("\n", [l.Message, .. l.StateValues.Where(v => !v.StartsWith("scope:", StringComparison.Ordinal))]));
        Assert.That(own, Has.None.Contains(Fixtures.BeijingGreenCode), "no code value, even one typed into a path");
        Assert.That(lines[0].StateValues, Has.Some.Matches<string>(v => System.Text.RegularExpressions.Regex.IsMatch(v, "^TraceId=[0-9a-f]{32}$")),
            "the trace id ties the line to its trace");
        Assert.That(lines.Select(l => l.Level), Is.All.EqualTo(LogLevel.Information));
    }

    [Test]
    public async Task The_documented_switch_writes_the_request_line_as_one_json_object()
    {
        await using var api = ApiProcess.Start("Development", new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        Assert.That(await api.WaitLiveAsync(TimeSpan.FromSeconds(60)), Is.True, api.Output());
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var line = await Poll.Until(() => Task.FromResult(api.StandardOutput.FirstOrDefault(l => l.Contains(RequestLogMiddleware.Category, StringComparison.Ordinal))),
            l => l is not null, TimeSpan.FromSeconds(10));
        Assert.That(line, Is.Not.Null, api.Output());
        var entry = JsonDocument.Parse(line!).RootElement;
        var state = entry.GetProperty("State");
        Assert.That((entry.GetProperty("LogLevel").GetString(), state.GetProperty("Method").GetString(), state.GetProperty("Route").GetString(),
                state.GetProperty("Status").GetInt32(), state.GetProperty("ApiKey").GetString()),
            Is.EqualTo(("Information", "GET", "/", 200, RequestLogMiddleware.Anonymous)));
        Assert.That(state.GetProperty("DurationMs").GetDouble(), Is.GreaterThanOrEqualTo(0));
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = ApiFactory.RoleKeys();
        settings["HealthCode:Mode"] = "embedded";
        settings["HealthCode:HolderSecret"] = ApiFactory.ProductionSecret;
        return settings;
    }

    private static List<CapturedLog> RequestLines(LogCapture logs) =>
        logs.Entries.Where(e => e.Category == RequestLogMiddleware.Category).ToList();

    private static string Line(string method, string route, int status, string key) => $"{method} {route} {status} ms key={key}";

    // Duration and trace vary: "POST /v1/verify 200 1.3 ms key=gate trace=4bf9…" → "POST /v1/verify 200 ms key=gate".
    private static string WithoutDuration(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @" \d+(?:\.\d+)? ms (key=\S+) trace=\S*$", " ms $1");
}
