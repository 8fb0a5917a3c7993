using System.Text;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Regional.Snapshots;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// A regional system that publishes over AMQP (plain RabbitMQ.Client, as <see cref="RegionalPublisher"/> does) asks
/// what became of its events by message_id, reads its rejections, sends heartbeats and snapshots: real broker, real Redis.
/// </summary>
[Category("Amqp")]
public sealed class RegionalAmqpTests
{
    private IngestionHost _host = null!;
    private RegionalPublisher _publisher = null!;
    private long _sequence = 5000;
    private long NextSequence() => Interlocked.Increment(ref _sequence);

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

    private Task<EventOutcome?> DecidedAsync(string region, string messageId) =>
        Poll.Until(() => _host.Ledger.GetOutcomeAsync(region, messageId), o => o is { State: not EventState.Pending }, TimeSpan.FromSeconds(20));

    [Test]
    public async Task An_amqp_event_is_found_by_its_message_id_applied_then_duplicate_then_superseded()
    {
        var green = RegionSample.Get("320000", "green");
        var sequence = NextSequence();
        var ids = new[] { "js-a-" + sequence, "js-b-" + sequence, "js-c-" + sequence };
        await _publisher.PublishAsync("320000", green.Body, sequence, messageId: ids[0]);
        Assert.That((await DecidedAsync("320000", ids[0]))?.State, Is.EqualTo(EventState.Applied));
        await _publisher.PublishAsync("320000", green.Body, sequence, messageId: ids[1]);
        await _publisher.PublishAsync("320000", green.Body, sequence - 1, messageId: ids[2]);
        Assert.That((await DecidedAsync("320000", ids[1]))?.State, Is.EqualTo(EventState.Duplicate));
        Assert.That((await DecidedAsync("320000", ids[2]))?.State, Is.EqualTo(EventState.Superseded));
        Assert.That(await _host.Ledger.GetOutcomeAsync("330000", ids[0]), Is.Null, "another region's key never holds it");
    }

    [Test]
    public async Task A_redelivered_message_keeps_its_first_outcome()
    {
        var green = RegionSample.Get("320000", "green");
        var sequence = NextSequence();
        var id = "js-redelivered-" + sequence;
        await _publisher.PublishAsync("320000", green.Body, sequence, messageId: id);
        await DecidedAsync("320000", id);
        var duplicates = _host.Counts.Duplicate;
        await _publisher.PublishAsync("320000", green.Body, sequence, messageId: id);
        // The consumer has seen the copy (a duplicate by sequence) once the count moves.
        await Poll.Until(() => Task.FromResult(_host.Counts.Duplicate), n => n > duplicates, TimeSpan.FromSeconds(20));
        Assert.That((await _host.Ledger.GetOutcomeAsync("320000", id))?.State, Is.EqualTo(EventState.Applied));
    }

    [Test]
    public async Task A_rejected_amqp_event_is_in_the_regions_feed_and_the_error_queue_stays_as_it_is()
    {
        var id = "bj-bad-" + NextSequence();
        var bad = Encoding.UTF8.GetBytes("""{"mz":"BJ-0BDB1C59860B07E52C25","xm":"王芳","zt":"弹窗"}""");
        await _publisher.PublishAsync("110000", bad, NextSequence(), messageId: id);
        var outcome = await DecidedAsync("110000", id);
        Assert.That((outcome?.State, outcome?.Reason), Is.EqualTo((EventState.Rejected, "normalization-failed")));
        var feed = await _host.Ledger.ReadRejectionsAsync("110000", RejectionCursor.Start, 500);
        Assert.That(feed.Items.Where(i => i.MessageId == id).Select(i => i.Reason), Is.EqualTo(new[] { "normalization-failed" }));
        var errors = await _host.TakeErrorsAsync(10, TimeSpan.FromSeconds(3));
        Assert.That(errors.Select(e => e.BasicProperties.MessageId), Does.Contain(id));
    }

    [Test]
    public async Task A_heartbeat_over_amqp_proves_the_region_alive_once_per_higher_sequence()
    {
        var beat = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var before = DateTimeOffset.UtcNow;
        await _publisher.PublishAsync("440000", [], beat, contentType: null, kind: "heartbeat", messageId: "gd-hb-" + beat);
        await _publisher.PublishAsync("440000", [], beat, contentType: null, kind: "heartbeat", messageId: "gd-hb-again-" + beat);
        // Deliveries are handled concurrently, in any order: whichever came second is the duplicate.
        var states = new[] { (await DecidedAsync("440000", "gd-hb-" + beat))?.State, (await DecidedAsync("440000", "gd-hb-again-" + beat))?.State };
        Assert.That(states, Is.EquivalentTo(new EventState?[] { EventState.Applied, EventState.Duplicate }));
        var signs = await _host.Ledger.GetSignsAsync("440000");
        Assert.That(signs.LastHeartbeatAt, Is.GreaterThanOrEqualTo(before.AddSeconds(-1)));
    }

    [Test]
    public async Task A_snapshot_over_amqp_runs_through_the_same_consumer_and_reports_its_counts()
    {
        var red = RegionSample.Get("500000", "red");
        var current = NextSequence();
        await _publisher.PublishAsync("500000", red.Body, current, messageId: "cq-live-" + current);
        await DecidedAsync("500000", "cq-live-" + current);
        var payload = Encoding.UTF8.GetString(red.Body);
        var ndjson = string.Join("\n",
            System.Text.Json.JsonSerializer.Serialize(new { sequence = current, payload }),
            "{not json",
            System.Text.Json.JsonSerializer.Serialize(new { sequence = current + 1, payload = "{}" })) + "\n";
        var snapshotId = "cq-snapshot-" + current;
        await _publisher.PublishAsync("500000", Encoding.UTF8.GetBytes(ndjson), 1, contentType: "application/x-ndjson", kind: "snapshot",
            tamper: (_, headers) => headers[AmqpSnapshotIntake.SnapshotIdHeader] = Encoding.UTF8.GetBytes(snapshotId));

        var status = await Poll.Until(() => _host.Snapshots.GetAsync("500000", snapshotId, CancellationToken.None),
            s => s is { State: not SnapshotState.Running }, TimeSpan.FromSeconds(20));
        Assert.That(status, Is.Not.Null);
        Assert.That((status!.State, status.Lines, status.Current, status.Rejected, status.Applied, status.HubAhead),
            Is.EqualTo((SnapshotState.Done, 3L, 1L, 2L, 0L, 0L)));
        var lines = (await _host.Ledger.ReadRejectionsAsync("500000", RejectionCursor.Start, 500)).Items.Where(i => i.Snapshot == snapshotId);
        Assert.That(lines.Select(i => (i.Line, i.Reason)), Is.EquivalentTo(new[] { ((long?)2, "malformed-line"), ((long?)3, "normalization-failed") }));
    }

    [Test]
    public async Task An_amqp_snapshot_while_the_regions_previous_one_runs_is_refused_as_snapshot_running()
    {
        Assert.That(await _host.SnapshotStore.TryLockAsync("610000", "someone-else", TimeSpan.FromSeconds(30)), Is.True);
        try
        {
            var id = "sx-snapshot-" + NextSequence();
            await _publisher.PublishAsync("610000", Encoding.UTF8.GetBytes("{}\n"), 1, contentType: "application/x-ndjson", kind: "snapshot", messageId: id);
            var outcome = await DecidedAsync("610000", id);
            Assert.That((outcome?.State, outcome?.Reason), Is.EqualTo((EventState.Rejected, "snapshot-running")));
        }
        finally
        {
            await _host.SnapshotStore.UnlockAsync("610000", "someone-else");
        }
    }
}
