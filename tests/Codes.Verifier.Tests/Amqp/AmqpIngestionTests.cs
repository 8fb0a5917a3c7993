using System.Diagnostics;
using System.Text;
using HealthCode.Testing;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>Regional systems publish native payloads over AMQP; the real consumer applies them to the real Redis.</summary>
[Category("Amqp")]
public sealed class AmqpIngestionTests
{
    private IngestionHost _host = null!;
    private RegionalPublisher _publisher = null!;
    // Tests share this host's store and some sample codes: every test takes fresh, ever higher sequences.
    private long _sequence = 1000;
    private long NextSequence() => ++_sequence;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = await IngestionHost.StartAsync();
        _publisher = await AmqpTestEnvironment.OpenPublisherAsync(_host.Options.Exchange);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    [Test]
    public async Task Every_regions_samples_published_over_amqp_become_visible_in_the_store()
    {
        var samples = RegionSample.All();
        Assert.That(samples.Select(s => s.Region).Distinct().Count(), Is.EqualTo(12));
        // Later samples of the same code carry higher sequences, so each code must end with its last sample's status.
        var expected = new Dictionary<(string Region, string Code), RegionSample>();
        foreach (var sample in samples)
        {
            await _publisher.PublishAsync(sample.Region, sample.Body, NextSequence(), sample.ContentType);
            expected[(sample.Region, sample.Code)] = sample;
        }
        foreach (var ((region, code), sample) in expected)
        {
            var entry = await _host.WaitForAsync(region, code, e => e.Level == sample.Level && e.NativeLevel == sample.NativeLevel);
            Assert.That(entry.Revoked, Is.False, $"{region}/{sample.Name}");
        }
    }

    [Test]
    public async Task Shaanxi_xml_over_amqp_is_applied()
    {
        var red = RegionSample.Get("610000", "red");
        var sequence = NextSequence();
        await _publisher.PublishAsync("610000", red.Body, sequence, "application/xml");
        var entry = await _host.WaitForAsync("610000", red.Code, e => e.Sequence == sequence);
        Assert.That((entry.Level, entry.NativeLevel), Is.EqualTo((red.Level, red.NativeLevel)));
    }

    [Test]
    public async Task Revoke_kind_makes_the_stored_entry_revoked()
    {
        var green = RegionSample.Get("440000", "green");
        var status = NextSequence();
        await _publisher.PublishAsync("440000", green.Body, status);
        await _host.WaitForAsync("440000", green.Code, e => e.Sequence == status && !e.Revoked);

        var revoke = NextSequence();
        await _publisher.PublishAsync("440000", green.Body, revoke, kind: "revoke");
        var revoked = await _host.WaitForAsync("440000", green.Code, e => e.Sequence == revoke);
        Assert.That((revoked.Revoked, revoked.Level, revoked.HolderKey), Is.EqualTo((true, RiskLevel.Unknown, (string?)null)));
    }

    [Test]
    public async Task Sequence_header_sent_as_a_string_is_accepted_like_a_long()
    {
        var green = RegionSample.Get("500000", "green");
        var sequence = NextSequence();
        await _publisher.PublishAsync("500000", green.Body, 0, sequenceHeader: Encoding.UTF8.GetBytes(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var entry = await _host.WaitForAsync("500000", green.Code, e => e.Sequence == sequence);
        Assert.That(entry.Level, Is.EqualTo(green.Level));
    }

    [Test]
    public async Task Status_published_through_IStatusEventPublisher_is_confirmed_and_reaches_the_store_through_the_same_consumer()
    {
        var red = RegionSample.Get("310000", "red");
        var applied = _host.Counts.Applied;
        var sequence = NextSequence();
        var e = new InboundStatusEvent("310000", "310000", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "application/json", red.Body, "http-1", DateTimeOffset.UtcNow,
            null, null, "http");

        await _host.Publisher.PublishAsync(e);   // returns only after the broker confirm

        var entry = await _host.WaitForAsync("310000", red.Code, s => s.Sequence == sequence);
        Assert.That(entry.Level, Is.EqualTo(RiskLevel.Red));
        Assert.That(_host.Counts.Applied, Is.GreaterThan(applied));
    }

    [Test]
    public async Task Thousand_duplicated_shuffled_concurrent_events_end_in_exactly_the_highest_sequence_state()
    {
        const int codes = 100, sequencesPerCode = 10;
        var random = new Random(20220424);
        var baseTime = new DateTimeOffset(2022, 4, 24, 0, 0, 0, TimeSpan.Zero);
        var events = new List<(string Code, long Sequence, byte[] Body)>();
        var final = new Dictionary<string, RiskLevel>();
        for (var c = 0; c < codes; c++)
        {
            var code = "SH" + (700_000_000_000_000_000L + c).ToString("D18");
            for (var s = 1; s <= sequencesPerCode; s++)
            {
                var color = random.Next(3);
                var body = RegionSample.Shanghai(code, color, baseTime.AddMinutes(s));
                events.Add((code, s, body));
                if (random.NextDouble() < 0.25) events.Add((code, s, body));   // at-least-once: duplicates
                if (s == sequencesPerCode) final[code] = RegionSample.ShanghaiLevel(color);
            }
        }
        var shuffled = events.OrderBy(_ => random.Next()).ToArray();
        var consumedBefore = Consumed();

        var clock = Stopwatch.StartNew();
        const int publishers = 4;
        var lanes = await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => AmqpTestEnvironment.OpenPublisherAsync(_host.Options.Exchange)));
        try
        {
            await Task.WhenAll(lanes.Select((lane, i) => Task.WhenAll(
                shuffled.Where((_, n) => n % publishers == i).Select(ev => lane.PublishAsync("310000", ev.Body, ev.Sequence)))));
        }
        finally
        {
            foreach (var lane in lanes) await lane.DisposeAsync();
        }
        var published = clock.Elapsed;

        await Poll.Until(() => Consumed() - consumedBefore >= shuffled.Length, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10));
        var consumedAt = clock.Elapsed;
        Assert.That(Consumed() - consumedBefore, Is.EqualTo(shuffled.Length), "every delivery consumed exactly once (no rejections)");

        foreach (var (code, level) in final)
        {
            var entry = (await _host.Store.GetAsync("310000", code)).Entry;
            Assert.That(entry, Is.Not.Null, code);
            Assert.That((entry!.Sequence, entry.Level), Is.EqualTo(((long)sequencesPerCode, level)), code);
        }
        TestContext.Out.WriteLine($"{shuffled.Length} events over {codes} codes: published+confirmed in {published.TotalMilliseconds:0} ms, " +
                                  $"all consumed in {consumedAt.TotalMilliseconds:0} ms ({shuffled.Length / consumedAt.TotalSeconds:0} events/s)");
    }

    [Test]
    public async Task Applied_and_rejected_events_are_announced_over_masstransit_without_names_or_documents()
    {
        await using var admin = await AmqpTestEnvironment.ConnectAsync();
        await using var watch = await admin.CreateChannelAsync();
        var queue = (await watch.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in new[] { "StatusApplied", "StatusEventRejected" })
        {
            var exchange = "HealthCode.Verifier.Transport.Notifications:" + type;   // MassTransit's publish topology
            await watch.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
            await watch.QueueBindAsync(queue, exchange, "");
        }
        var green = RegionSample.Get("420000", "green");
        var messageId = Guid.NewGuid().ToString("N");

        var sequence = NextSequence();
        var text = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _publisher.PublishAsync("420000", green.Body, sequence);
        await _publisher.PublishAsync("420000", green.Body, NextSequence(), headerRegion: "110000", messageId: messageId);

        var seen = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !(seen.Any(m => m.Contains(green.Code) && m.Contains(text)) && seen.Any(m => m.Contains(messageId))))
        {
            var got = await watch.BasicGetAsync(queue, autoAck: true);
            if (got is null) await Task.Delay(20);
            else seen.Add(Encoding.UTF8.GetString(got.Body.Span));
        }
        var applied = seen.Single(m => m.Contains(green.Code) && m.Contains(text));
        var rejected = seen.Single(m => m.Contains(messageId));
        using var json = System.Text.Json.JsonDocument.Parse(applied);
        var message = json.RootElement.GetProperty("message");
        // Level and kind travel as their words, as they always have.
        Assert.That((message.GetProperty("issuer").GetString(), message.GetProperty("level").GetString(), message.GetProperty("sequence").GetInt64(),
                message.GetProperty("kind").GetString()),
            Is.EqualTo(("420000", green.Level.ToWire(), sequence, "status")));
        Assert.That(rejected, Does.Contain("region-mismatch"));
        var person = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllBytes(green.File.Replace(".json", ".expected.json")))
            .RootElement.GetProperty("canonical");
        Assert.That(applied, Does.Not.Contain(person.GetProperty("person.name").GetString()!)
            .And.Not.Contain(person.GetProperty("person.document.number").GetString()!));
    }

    private long Consumed() => _host.Counts.Consumed;
}
