using HealthCode.Api.Telemetry;
using HealthCode.Api.Tests.Hostile;
using HealthCode.Api.Tests.Operations;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Api.Tests.Privacy;

/// <summary>
/// DESIGN.md §8 checked end to end in the real mode (Redis store, RabbitMQ transport): every sample is published over
/// AMQP and over HTTP, normalized and verified, the hostile corpus and fuzzed samples are published too; then every
/// Redis key and value, every captured log entry (message, structured values, exception text; request log lines
/// included), every metric label at /metrics (nor any code value there) and every error-queue reason must be free of
/// any fixture name or document number, and verify answers carry masked forms only.
/// One run feeds all the scans (one-time set-up), each scan is its own test.
/// </summary>
[Category("Privacy"), Category("Amqp")]
public sealed class PrivacyScanTests
{
    private const int MutationsPerSample = 5;
    private RealModeHost _api = null!;
    private readonly List<(string Sample, JsonElement Body)> _verifyAnswers = [];
    private List<RabbitMQ.Client.BasicGetResult> _errors = [];
    private int _published;

    [OneTimeSetUp]
    public async Task PublishEverySample()
    {
        Assert.That(SensitiveValues.All, Has.Count.GreaterThan(40), "names and document numbers collected from the fixtures");
        Assert.That(SensitiveValues.All, Does.Contain("G014028(6)").And.Contain("7523309(9)").And.Contain("CHAN TAI MAN").And.Contain("G0140286"));
        // The scanner finds what it must: the raw Hong Kong sample holds its name and HKID.
        Assert.That(SensitiveValues.FoundIn(System.Text.Encoding.UTF8.GetString(Fixtures.Read("810000/green.json"))),
            Is.SupersetOf(new[] { "G014028(6)", "CHAN TAI MAN", "刘洋" }));
        _api = await RealModeHost.StartAsync();
        var samples = Fixtures.All().ToList();
        var ids = new List<string>();
        long sequence = 1;
        foreach (var sample in samples)
        {
            var region = Fixtures.Region(sample);
            // Over AMQP as a regional system, then a newer sequence over HTTP (through the API's own publisher).
            await _api.PublishAsync(region, Fixtures.Read(sample), sequence++, Fixtures.ContentType(sample), "sample-amqp:" + sample);
            ids.Add("sample-amqp:" + sample);
            using var request = Requests.StatusEvent(region, Fixtures.Content(sample), (sequence++).ToString());
            using var response = await _api.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), sample);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!);
            // Refused ones too: a stale duplicate, a bad sequence, another region's header, and fuzzed bodies.
            await _api.PublishAsync(region, Fixtures.Read(sample), 1, Fixtures.ContentType(sample), "sample-dup:" + sample);
            await _api.PublishAsync(region, Fixtures.Read(sample), 1, Fixtures.ContentType(sample), "sample-badseq:" + sample,
                (_, h) => h["hc-sequence"] = System.Text.Encoding.UTF8.GetBytes("x"));
            await _api.PublishAsync(region, Fixtures.Read(sample), sequence++, Fixtures.ContentType(sample), "sample-mismatch:" + sample,
                (_, h) => h["hc-region"] = System.Text.Encoding.UTF8.GetBytes(region == "110000" ? "310000" : "110000"));
            ids.AddRange(["sample-dup:" + sample, "sample-badseq:" + sample, "sample-mismatch:" + sample]);
            foreach (var mutation in Mutator.Mutate(sample, Fixtures.Read(sample), MutationsPerSample))
            {
                await _api.PublishAsync(region, mutation.Body, sequence++, Fixtures.ContentType(sample), mutation.Id);
                ids.Add(mutation.Id);
            }
            // Integrators normalize it (the answer holds the full record by design, but nothing may be logged).
            using var normalized = await _api.Client.PostAsync($"/v1/regions/{region}/normalize", Fixtures.Content(sample));
            Assert.That(normalized.StatusCode, Is.EqualTo(HttpStatusCode.OK), sample);
        }
        foreach (var hostile in HostileCorpus.All)
        {
            await _api.PublishAsync(hostile.Region, hostile.Body, sequence++, hostile.ContentType, "hostile:" + hostile.Id);
            ids.Add("hostile:" + hostile.Id);
        }
        _published = ids.Count;
        var missing = await _api.Observed.WaitForAllAsync(ids, TimeSpan.FromSeconds(60));
        Assert.That(missing, Is.Empty, "every published event was decided");

        foreach (var sample in samples)
        {
            var code = ExpectedCode(sample);
            var verify = await _api.Client.PostAsync("/v1/verify", Requests.Verify(code, region: "110105", issuer: Fixtures.Region(sample)));
            Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK), sample);
            _verifyAnswers.Add((sample, await verify.Content.ReadFromJsonAsync<JsonElement>()));
        }
        var rejected = _api.Observed.Results.Count(r => r.Value.Status == HealthCode.Verifier.Ingestion.ConsumeStatus.Rejected);
        _errors = await _api.TakeErrorsAsync(rejected, TimeSpan.FromSeconds(30));
        Assert.That(_errors, Has.Count.EqualTo(rejected), "every rejected event is in the error queue");
        TestContext.Progress.WriteLine($"privacy run: {samples.Count} samples, {_published} events published, {rejected} in the error queue, " +
                                       $"{SensitiveValues.All.Count} sensitive strings searched");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task Redis_holds_no_fixture_name_or_document_number()
    {
        var contents = await _api.RedisContentsAsync();
        Assert.That(contents, Has.Count.GreaterThanOrEqualTo(Fixtures.All().Count()), "every sample's status is in Redis");
        var leaks = contents.SelectMany(kv => SensitiveValues.FoundIn(kv.Key + "\n" + kv.Value).Select(v => $"{kv.Key}: contains '{v}'")).ToList();
        TestContext.Out.WriteLine($"Redis: {contents.Count} keys scanned ({contents.Sum(c => c.Value.Length)} characters of values) for {SensitiveValues.All.Count} strings");
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Logs_hold_no_fixture_name_or_document_number()
    {
        var entries = _api.Logs.Entries;
        Assert.That(entries.Select(e => e.Category), Does.Contain(typeof(StatusDeliveryHandler).FullName), "the consumer's logs were captured");
        Assert.That(entries.Count(e => e.Category == RequestLogMiddleware.Category), Is.GreaterThanOrEqualTo(_verifyAnswers.Count), "the request log lines were captured");
        var leaks = entries.SelectMany(e => SensitiveValues.FoundIn(e.AllText).Select(v => $"[{e.Level}] {e.Category}: '{v}' in \"{e.Message}\"")).Distinct().ToList();
        TestContext.Out.WriteLine($"logs: {entries.Count} entries scanned ({entries.Sum(e => e.AllText.Length)} characters, {entries.Count(e => e.Exception is not null)} with exceptions) " +
                                  $"for {SensitiveValues.All.Count} strings; levels: " +
                                  string.Join(", ", entries.GroupBy(e => e.Level).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task Metric_labels_hold_no_fixture_name_document_number_or_code_value()
    {
        var metrics = await PrometheusText.ScrapeAsync(_api.Factory.CreateClient());
        Assert.That(metrics.Has("hc_ingestion_events_total", ("outcome", "rejected")) && metrics.Has("hc_verify_decisions_total"), Is.True,
            "the run's ingestion outcomes and verify decisions are exported");
        var codes = Fixtures.All().Select(ExpectedCode).ToList();
        var labels = metrics.LabelValues.ToList();
        var leaks = labels.SelectMany(v => SensitiveValues.FoundIn(v).Concat(codes.Where(c => v.Contains(c, StringComparison.OrdinalIgnoreCase)))
            .Select(found => $"label value '{v}' contains '{found}'")).ToList();
        leaks.AddRange(SensitiveValues.FoundIn(metrics.Text).Concat(codes.Where(c => metrics.Text.Contains(c, StringComparison.Ordinal)))
            .Select(found => $"/metrics contains '{found}'"));
        TestContext.Out.WriteLine($"metrics: {metrics.All.Count} series, {labels.Count} distinct label values scanned for " +
                                  $"{SensitiveValues.All.Count} sensitive strings and {codes.Count} code values");
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Error_queue_reason_holds_no_name_or_document_number()
    {
        Assert.That(_errors, Is.Not.Empty);
        var leaks = new List<string>();
        foreach (var error in _errors)
        {
            var headers = error.BasicProperties.Headers!.Keys.Where(k => k.StartsWith("hc-error-", StringComparison.Ordinal))
                .Select(k => $"{k}={RealModeHost.Header(error, k)}");
            var text = string.Join("\n", headers);
            Assert.That(RealModeHost.Header(error, StatusHeaders.ErrorReason), Is.Not.Empty, error.BasicProperties.MessageId);
            leaks.AddRange(SensitiveValues.FoundIn(text).Select(v => $"{error.BasicProperties.MessageId}: '{v}' in {text}"));
        }
        TestContext.Out.WriteLine($"error queue: {_errors.Count} messages' hc-error-* headers scanned; reasons " +
                                  string.Join(", ", _errors.GroupBy(e => RealModeHost.Header(e, StatusHeaders.ErrorReason)).Select(g => $"{g.Key} {g.Count()}")));
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Verify_responses_carry_masked_forms_only()
    {
        var leaks = new List<string>();
        foreach (var (sample, body) in _verifyAnswers)
        {
            var holder = body.GetProperty("holder");
            var maskedName = holder.GetProperty("maskedName").GetString();
            var maskedDocument = holder.GetProperty("maskedDocument").GetString();
            if (maskedName is null || !maskedName.Contains('*') || maskedDocument is null || !maskedDocument.Contains('*'))
                leaks.Add($"{sample}: holder not masked: {holder.GetRawText()}");
            leaks.AddRange(SensitiveValues.FoundIn(body.GetRawText()).Select(v => $"{sample}: '{v}' in {body.GetRawText()}"));
        }
        TestContext.Out.WriteLine($"verify: {_verifyAnswers.Count} answers scanned; e.g. " + _verifyAnswers[0].Body.GetProperty("holder").GetRawText());
        Assert.That(leaks, Is.Empty);
    }

    private static string ExpectedCode(string sample)
    {
        var expected = Path.Combine(Fixtures.Root, Path.ChangeExtension(sample, null) + ".expected.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(expected));
        return doc.RootElement.GetProperty("canonical").GetProperty("code.value").GetString()!;
    }
}
