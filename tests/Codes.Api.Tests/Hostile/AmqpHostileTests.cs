using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;
using RabbitMQ.Client;

namespace HealthCode.Api.Tests.Hostile;

/// <summary>
/// The hostile corpus and fuzzed samples published to RabbitMQ the way a regional system does, consumed by the API's
/// real-mode composition: each one is decided (none lost), each refused one is in the error queue with its reason,
/// the consumer keeps running, and a valid event afterwards is applied.
/// </summary>
[Category("Hostile"), Category("Amqp")]
public sealed class AmqpHostileTests
{
    private const int MutationsPerSample = 10;

    /// <summary>Hostile AMQP properties and headers around a valid body (the body is fine; the envelope is not).</summary>
    private static readonly (string Id, string Region, string Reason, Action<BasicProperties, Dictionary<string, object?>> Tamper)[] HeaderCases =
    [
        ("sequence-not-a-number", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = Encoding.UTF8.GetBytes("abc")),
        ("sequence-negative", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = -5L),
        ("sequence-zero", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = 0L),
        ("sequence-double", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = 1.5d),
        ("sequence-table", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = new Dictionary<string, object?> { ["x"] = 1L }),
        ("sequence-overflow", "310000", IngestionReasonCodes.BadSequence, (_, h) => h["hc-sequence"] = Encoding.UTF8.GetBytes("99999999999999999999")),
        ("sequence-missing", "310000", IngestionReasonCodes.BadSequence, (_, h) => h.Remove("hc-sequence")),
        ("region-missing", "310000", IngestionReasonCodes.RegionMismatch, (_, h) => h.Remove("hc-region")),
        ("region-other", "310000", IngestionReasonCodes.RegionMismatch, (_, h) => h["hc-region"] = Encoding.UTF8.GetBytes("110000")),
        ("region-invalid-utf8", "310000", IngestionReasonCodes.RegionMismatch, (_, h) => h["hc-region"] = new byte[] { 0xFF, 0x31 }),
        ("kind-unknown", "310000", IngestionReasonCodes.BadKind, (_, h) => h["hc-kind"] = Encoding.UTF8.GetBytes("delete")),
        ("kind-huge", "310000", IngestionReasonCodes.BadKind, (_, h) => h["hc-kind"] = Encoding.UTF8.GetBytes(new string('k', 60000))),
        ("routing-unknown-region", "999999", IngestionReasonCodes.UnknownRegion, (_, h) => h["hc-region"] = Encoding.UTF8.GetBytes("999999")),
    ];

    [Test]
    public async Task Every_hostile_input_over_amqp_lands_in_error_queue()
    {
        await using var api = await RealModeHost.StartAsync();
        var expected = new Dictionary<string, string>();
        long sequence = 1;
        foreach (var hostile in HostileCorpus.All)
        {
            await api.PublishAsync(hostile.Region, hostile.Body, sequence++, hostile.ContentType, hostile.Id);
            expected[hostile.Id] = hostile.ExpectedAmqpReason;
        }
        var valid = Fixtures.Read("310000/green.json");
        foreach (var (id, region, reason, tamper) in HeaderCases)
        {
            await api.PublishAsync(region, valid, sequence++, "application/json", "header:" + id, tamper);
            expected["header:" + id] = reason;
        }

        var errors = await api.TakeErrorsAsync(expected.Count, TimeSpan.FromSeconds(60));
        var reasons = errors.ToDictionary(m => m.BasicProperties.MessageId!, m => RealModeHost.Header(m, StatusHeaders.ErrorReason));
        var failures = new List<string>();
        foreach (var (id, reason) in expected)
        {
            if (!reasons.TryGetValue(id, out var got)) failures.Add($"{id}: not in the error queue ({Observed(api, id)})");
            else if (got != reason) failures.Add($"{id}: reason {got}, expected {reason}");
        }
        foreach (var error in errors)
        {
            var detail = RealModeHost.Header(error, StatusHeaders.ErrorDetail);
            if (string.IsNullOrEmpty(detail)) failures.Add($"{error.BasicProperties.MessageId}: no {StatusHeaders.ErrorDetail}");
        }
        TestContext.Out.WriteLine($"AMQP: {HostileCorpus.All.Count} hostile bodies + {HeaderCases.Length} hostile envelopes; error queue reasons: " +
                                  HttpHostileTests.Describe(reasons.GroupBy(r => r.Value ?? "(none)").Select(g => KeyValuePair.Create(g.Key, g.Count()))));
        foreach (var kind in HostileCorpus.All.GroupBy(c => c.Kind))
            TestContext.Out.WriteLine($"  {kind.Key}: {kind.Count()} → " + string.Join(", ", kind.Select(c => reasons.GetValueOrDefault(c.Id) ?? "missing").GroupBy(r => r).Select(g => $"{g.Key} ×{g.Count()}")));

        await AssertValidEventApplied(api, sequence + 1000);
        Assert.That(api.IsConsuming, Is.True, "the consumer is still running");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public async Task A_timestamp_beyond_year_9999_does_not_lose_the_event()
    {
        await using var api = await RealModeHost.StartAsync();
        await api.PublishAsync("310000", Fixtures.Read("310000/green.json"), 7, "application/json", "far-future-timestamp",
            (p, _) => p.Timestamp = new AmqpTimestamp(long.MaxValue));
        var missing = await api.Observed.WaitForAllAsync(["far-future-timestamp"], TimeSpan.FromSeconds(15));
        Assert.That(missing, Is.Empty, "the delivery was decided, not left unacked");
        Assert.That(api.Observed.Results["far-future-timestamp"].Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That(api.IsConsuming, Is.True);
    }

    [Test]
    public async Task Fuzzed_samples_over_amqp_are_applied_or_in_the_error_queue_and_none_is_lost()
    {
        await using var api = await RealModeHost.StartAsync();
        TestContext.Out.WriteLine($"fuzz seed {Mutator.Seed}, {MutationsPerSample} mutations per sample over AMQP");
        var published = new Dictionary<string, Mutation>();
        long sequence = 1;
        foreach (var sample in Fixtures.All())
            foreach (var mutation in Mutator.Mutate(sample, Fixtures.Read(sample), MutationsPerSample))
            {
                await api.PublishAsync(Fixtures.Region(sample), mutation.Body, sequence++, Fixtures.ContentType(sample), mutation.Id);
                published[mutation.Id] = mutation;
            }

        var failures = new List<string>();
        var missing = await api.Observed.WaitForAllAsync(published.Keys, TimeSpan.FromSeconds(60));
        failures.AddRange(missing.Select(id => $"{id}: never decided (lost or stuck)"));
        var rejected = published.Keys.Where(id => api.Observed.Results.TryGetValue(id, out var r) && r.Status == ConsumeStatus.Rejected).ToHashSet();
        var errors = await api.TakeErrorsAsync(rejected.Count, TimeSpan.FromSeconds(30));
        var inErrorQueue = errors.Select(e => e.BasicProperties.MessageId!).ToHashSet();
        failures.AddRange(rejected.Except(inErrorQueue).Select(id => $"{id}: rejected ({api.Observed.Results[id].ReasonCode}) but not in the error queue"));
        failures.AddRange(errors.Where(e => RealModeHost.Header(e, StatusHeaders.ErrorReason) == StatusHeaders.ConsumerFault)
            .Select(e => $"{e.BasicProperties.MessageId}: consumer-fault ({RealModeHost.Header(e, StatusHeaders.ErrorDetail)})"));

        var outcomes = published.Keys.Where(api.Observed.Results.ContainsKey)
            .GroupBy(id => api.Observed.Results[id] is { Status: ConsumeStatus.Rejected } r ? "error-queue:" + r.ReasonCode : api.Observed.Results[id].Status.ToString())
            .Select(g => KeyValuePair.Create(g.Key, g.Count()));
        TestContext.Out.WriteLine($"{published.Count} fuzz cases over AMQP: {HttpHostileTests.Describe(outcomes)}");

        await AssertValidEventApplied(api, sequence + 1000);
        Assert.That(api.IsConsuming, Is.True, "the consumer is still running");
        Assert.That(failures, Is.Empty, $"seed {Mutator.Seed}:\n" + string.Join("\n", failures));
    }

    private static string Observed(RealModeHost api, string id) =>
        api.Observed.Results.TryGetValue(id, out var r) ? $"consumer said {r.Status} {r.ReasonCode}" : "never decided";

    internal static async Task AssertValidEventApplied(RealModeHost api, long sequence)
    {
        await api.PublishAsync("310000", Fixtures.Read("310000/green.json"), sequence, "application/json", $"valid-after-{sequence}");
        var seen = await Poll.Until(async () =>
        {
            var verify = await api.Client.PostAsync("/v1/verify", Requests.Verify("SH514025040533177290", region: "310104"));
            var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
            return body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object ? status.GetProperty("sequence").GetInt64() : 0;
        }, s => s == sequence, TimeSpan.FromSeconds(20));
        Assert.That(seen, Is.EqualTo(sequence), "a valid event published after the hostile ones is applied");
    }
}
