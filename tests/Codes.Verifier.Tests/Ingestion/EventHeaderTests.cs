using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Tests.Ingestion;

public sealed class EventHeaderTests
{
    [TestCase("1", 1L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    public void Sequence_reads_a_positive_int64_and_writes_it_back_unchanged(string text, long value)
    {
        Assert.That(EventSequence.TryParse(text, out var sequence), Is.True);
        Assert.That((sequence.Value, sequence.ToString()), Is.EqualTo((value, text)));
    }

    [TestCase(null)]
    [TestCase("0")]
    [TestCase("007x")]
    [TestCase("1e3")]
    public void Sequence_that_is_not_a_positive_int64_does_not_parse(string? text) =>
        Assert.That(EventSequence.TryParse(text, out _), Is.False);

    [Test]
    public void Sequence_cannot_be_built_zero_or_negative() =>
        Assert.That(() => new EventSequence(0), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(null, EventKind.Status)]
    [TestCase("", EventKind.Status)]
    [TestCase("status", EventKind.Status)]
    [TestCase("revoke", EventKind.Revoke)]
    [TestCase("heartbeat", EventKind.Heartbeat)]
    public void Absent_kind_is_a_status(string? header, EventKind kind)
    {
        Assert.That(EventKinds.TryParse(header, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(kind));
    }

    [TestCase("Revoke")]
    [TestCase("STATUS")]
    [TestCase("delete")]
    [TestCase("snapshot")]
    public void Unknown_kind_word_is_refused(string header) =>
        Assert.That(EventKinds.TryParse(header, out _), Is.False);

    [Test]
    public void Every_kind_round_trips_through_its_wire_word()
    {
        foreach (var kind in EventKinds.All)
        {
            Assert.That(EventKinds.TryParse(kind.ToWire(), out var back), Is.True, kind.ToString());
            Assert.That(back, Is.EqualTo(kind));
        }
    }
}
