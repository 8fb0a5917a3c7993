using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

/// <summary>The body limits as Kestrel enforces them on a real socket: 1 MiB for the dry run only, 64 KiB elsewhere.</summary>
public sealed class DryRunKestrelTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ApiFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.ClientWithKey();
        // A real socket, not the in-memory test server (whose client talks to http://localhost/).
        Assert.That(_client.BaseAddress!.Port, Is.Not.EqualTo(80), _client.BaseAddress.ToString());
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static HttpContent Chunked(byte[] body)
    {
        // A stream of unknown length goes out chunked: no Content-Length for the server to refuse up front.
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    [Test]
    public async Task A_dry_run_body_over_64_KiB_and_under_1_MiB_is_accepted()
    {
        var request = ForRegion("110000", Enumerable.Range(0, 150).Select(_ => Sample("110000/green.json")).ToArray());
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(request.ToJsonString()), Is.GreaterThan(64 * 1024));

        var answer = await RunAsync(_client, request);

        Assert.That(answer.GetProperty("summary").GetProperty("normalized").GetInt32(), Is.EqualTo(150));
    }

    [Test]
    public async Task A_dry_run_body_over_1_MiB_is_413_whether_declared_or_chunked()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(ForRegion("110000", Sample("110000/green.json", new string(' ', 1024 * 1024))).ToJsonString());

        var declared = await _client.PostAsync(Endpoint, Fixtures.Body(body, "application/json"));
        var chunked = await _client.PostAsync(Endpoint, Chunked(body));

        await ProblemAssert.AssertProblem(declared, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await ProblemAssert.AssertProblem(chunked, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Test]
    public async Task Other_endpoints_keep_the_64_KiB_limit()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(Body("110000/green.json") + new string(' ', 100 * 1024));

        var response = await _client.PostAsync("/v1/regions/110000/normalize", Chunked(body));

        await ProblemAssert.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }
}
