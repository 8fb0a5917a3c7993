using System.Collections.Concurrent;
using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests.Hostile;

/// <summary>
/// The hostile corpus and its fuzzed mutations over HTTP, against the embedded host (in-memory store, in-process bus):
/// normalize answers 4xx problem details for every case, never 5xx; status events are refused (413) or accepted and
/// then rejected by the consumer; a valid event afterwards is still applied.
/// </summary>
[Category("Hostile")]
public sealed class HttpHostileTests
{
    private const int MutationsPerSample = 60;
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private LogCapture _logs = null!;
    private ObservedEvents _observed = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _logs = new LogCapture();
        _observed = new ObservedEvents();
        _factory = new ApiFactory(settings: new Dictionary<string, string?> { ["HealthCode:RateLimit:PermitsPerSecond"] = "1000000" })
        {
            ExtraServices = services =>
            {
                _logs.AddTo(services);
                services.AddSingleton<HealthCode.Verifier.Transport.IStatusEventObserver>(_observed);
            },
        };
        _client = _factory.ClientWithKey();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    public static IEnumerable<HostileCase> Corpus => HostileCorpus.All;

    [Test]
    public void The_corpus_covers_every_required_kind()
    {
        var kinds = HostileCorpus.All.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}")));
        Assert.That(kinds.Keys, Is.SupersetOf(new[]
        {
            "truncated", "deep-nesting", "huge-string", "huge-number", "wrong-type", "invalid-utf8", "xml-entities", "over-limit",
            "wrong-content-type", "duplicate-keys", "malformed",
        }));
        Assert.That(HostileCorpus.Get("billion-laughs").Body.Length, Is.LessThan(2000), "billion laughs is small on the wire");
        Assert.That(HostileCorpus.Get("over-limit-by-one").Body.Length, Is.EqualTo(64 * 1024 + 1));
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task Every_hostile_input_over_http_gets_4xx_problem_details(HostileCase hostile)
    {
        using var response = await _client.PostAsync($"/v1/regions/{hostile.Region}/normalize", HostileCorpus.Content(hostile.Body, hostile.ContentType));
        var text = await response.Content.ReadAsStringAsync();
        TestContext.Out.WriteLine($"{hostile.Id} ({hostile.Kind}, {hostile.Body.Length} bytes) → {(int)response.StatusCode}: {Shorten(text)}");
        Assert.That((int)response.StatusCode, Is.EqualTo(hostile.ExpectedHttp), $"{hostile.Id}: {hostile.Tests}\n{Shorten(text)}\n{(response.StatusCode >= HttpStatusCode.InternalServerError ? _logs.Entries.LastOrDefault(e => e.Exception is not null)?.Exception : null)}");
        AssertProblem(response, text);
    }

    [Test]
    public async Task Billion_laughs_xml_gets_422_naming_the_doctype()
    {
        var laughs = HostileCorpus.Get("billion-laughs");
        var started = DateTime.UtcNow;
        using var response = await _client.PostAsync("/v1/regions/610000/normalize", HostileCorpus.Content(laughs.Body, "application/xml"));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "validation");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EquivalentTo(new[] { "/!DOCTYPE" }));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)), "refused up front, not expanded");
        Assert.That(problem.GetRawText(), Does.Not.Contain("lollol"));
    }

    [Test]
    public async Task External_entities_are_never_resolved()
    {
        foreach (var id in new[] { "xxe-file", "xxe-http", "external-dtd", "parameter-entity" })
        {
            using var response = await _client.PostAsync("/v1/regions/610000/normalize", HostileCorpus.Content(HostileCorpus.Get(id).Body, "application/xml"));
            var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "validation");
            Assert.That(problem.GetRawText(), Does.Not.Contain("root:").And.Not.Contain("/bin/"), id);
        }
    }

    [Test]
    public async Task Every_hostile_status_event_over_http_is_refused_or_rejected_by_the_consumer_and_a_valid_event_after_is_still_applied()
    {
        var failures = new List<string>();
        var accepted = new Dictionary<string, HostileCase>();
        var answers = new ConcurrentDictionary<string, int>();
        long sequence = 1;
        foreach (var hostile in HostileCorpus.All)
        {
            using var request = Requests.StatusEvent(hostile.Region, HostileCorpus.Content(hostile.Body, hostile.ContentType), (sequence++).ToString());
            using var response = await _client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            answers.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Accepted)
                accepted[JsonDocument.Parse(text).RootElement.GetProperty("messageId").GetString()!] = hostile;
            else if ((int)response.StatusCode is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{hostile.Id}: {(int)response.StatusCode} {Shorten(text)}");
            else if (hostile.ExpectedHttp == 413 && response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                failures.Add($"{hostile.Id}: expected 413, got {(int)response.StatusCode}");
        }

        var missing = await _observed.WaitForAllAsync(accepted.Keys, TimeSpan.FromSeconds(30));
        failures.AddRange(missing.Select(id => $"{accepted[id].Id}: accepted but never consumed"));
        var reasons = new Dictionary<string, int>();
        foreach (var (id, hostile) in accepted)
        {
            if (!_observed.Results.TryGetValue(id, out var result)) continue;
            reasons[result.ReasonCode ?? result.Status.ToString()] = reasons.GetValueOrDefault(result.ReasonCode ?? result.Status.ToString()) + 1;
            if (result.Status != ConsumeStatus.Rejected) failures.Add($"{hostile.Id}: consumer said {result.Status}");
            else if (result.ReasonCode != hostile.ExpectedAmqpReason) failures.Add($"{hostile.Id}: reason {result.ReasonCode}, expected {hostile.ExpectedAmqpReason}");
        }
        TestContext.Out.WriteLine($"HTTP status events: {HostileCorpus.All.Count} hostile; answers {Describe(answers)}; consumer reasons {Describe(reasons)}");

        // A valid event after all of that is still applied.
        await AssertValidEventApplied(sequence + 1000);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public async Task Fuzzed_samples_never_get_5xx()
    {
        TestContext.Out.WriteLine($"fuzz seed {Mutator.Seed}, {MutationsPerSample} mutations per sample");
        var failures = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var mutations = Fixtures.All()
            .SelectMany(sample => Mutator.Mutate(sample, Fixtures.Read(sample), MutationsPerSample)
                .Select(m => (Sample: sample, Mutation: m)))
            .ToList();
        await Parallel.ForEachAsync(mutations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var (sample, mutation) = item;
            try
            {
                using var response = await _client.PostAsync($"/v1/regions/{Fixtures.Region(sample)}/normalize",
                    HostileCorpus.Content(mutation.Body, Fixtures.ContentType(sample)), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                var status = (int)response.StatusCode;
                outcomes.AddOrUpdate(status.ToString(), 1, (_, n) => n + 1);
                if (status >= 500) failures.Add($"{mutation.Id}: {status} {Shorten(text)}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{mutation.Id}: {status} without problem+json");
                else if (status is not (200 or >= 400)) failures.Add($"{mutation.Id}: unexpected {status}");
            }
            catch (Exception e)
            {
                failures.Add($"{mutation.Id}: threw {e.GetType().Name}: {e.Message}");
            }
        });
        TestContext.Out.WriteLine($"{mutations.Count} fuzz cases over HTTP normalize: {Describe(outcomes)}");
        TestContext.Out.WriteLine("by kind: " + string.Join(", ", mutations.GroupBy(m => m.Mutation.Kind).Select(g => $"{g.Key} {g.Count()}")));
        Assert.That(failures, Is.Empty, $"seed {Mutator.Seed}:\n" + string.Join("\n", failures.Order()) + "\nexceptions logged:\n" + LoggedExceptions());
        Assert.That(_logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message), Is.Empty, "no error logged");
        await AssertValidEventApplied(5_000_000);
    }

    [Test]
    public async Task Fuzzed_status_events_never_get_5xx_and_the_consumer_decides_every_one()
    {
        const int perSample = 10;
        var failures = new List<string>();
        var accepted = new Dictionary<string, string>();
        long sequence = 10_000_000;
        foreach (var sample in Fixtures.All())
            foreach (var mutation in Mutator.Mutate(sample, Fixtures.Read(sample), perSample))
            {
                using var request = Requests.StatusEvent(Fixtures.Region(sample), HostileCorpus.Content(mutation.Body, Fixtures.ContentType(sample)), (sequence++).ToString());
                using var response = await _client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted)
                    accepted[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!] = mutation.Id;
                else if ((int)response.StatusCode >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{mutation.Id}: {(int)response.StatusCode}");
            }
        var missing = await _observed.WaitForAllAsync(accepted.Keys, TimeSpan.FromSeconds(30));
        failures.AddRange(missing.Select(id => $"{accepted[id]}: accepted but never consumed"));
        failures.AddRange(accepted.Where(a => _observed.Results.TryGetValue(a.Key, out var r) && r.ReasonCode == IngestionReasonCodes.ConsumerFault)
            .Select(a => $"{a.Value}: the consumer threw"));
        var outcomes = accepted.Keys.Where(_observed.Results.ContainsKey).GroupBy(id => _observed.Results[id].ReasonCode ?? _observed.Results[id].Status.ToString())
            .ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"seed {Mutator.Seed}: {accepted.Count} fuzzed status events accepted over HTTP; consumer: {Describe(outcomes)}");
        Assert.That(failures, Is.Empty, $"seed {Mutator.Seed}:\n" + string.Join("\n", failures));
        await AssertValidEventApplied(sequence + 1000);
    }

    private async Task AssertValidEventApplied(long sequence)
    {
        // Shanghai green as a newer status: it must be applied and verify must see that sequence.
        using var request = Requests.StatusEvent("310000", Fixtures.Content("310000/green.json"), sequence.ToString());
        using var response = await _client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var seen = await Poll.Until(async () =>
        {
            var verify = await _client.PostAsync("/v1/verify", Requests.Verify("SH514025040533177290", region: "310104"));
            var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
            return body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                ? status.GetProperty("sequence").GetInt64() : 0;
        }, s => s == sequence, TimeSpan.FromSeconds(20));
        Assert.That(seen, Is.EqualTo(sequence), "a valid event sent after the hostile ones is applied");
    }

    /// <summary>The distinct exceptions logged (type and throwing frame), to say what a 5xx was.</summary>
    private string LoggedExceptions() => string.Join("\n", _logs.Entries.Where(e => e.Exception is not null)
        .Select(e => string.Join(" | ", e.Exception!.Split('\n').Where(l => l.Contains("Exception") || l.TrimStart().StartsWith("at HealthCode")).Take(3).Select(l => l.Trim())))
        .Distinct());

    private static void AssertProblem(HttpResponseMessage response, string text)
    {
        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Does.StartWith("https://healthcode.example.org/problems/"));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)response.StatusCode));
    }

    internal static string Describe<T>(IEnumerable<KeyValuePair<string, T>> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

    internal static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
