using System.Text;
using HealthCode.Verifier.Regional.Snapshots;

namespace HealthCode.Verifier.Tests.Regional.Snapshots;

public sealed class SnapshotLineParserTests
{
    private static SnapshotLineContent Parse(string line) => SnapshotLineParser.Parse(Encoding.UTF8.GetBytes(line));

    [Test]
    public void A_line_carries_the_sequence_and_the_payload_bytes_a_signature_covers()
    {
        var line = Parse("""{"sequence": 42, "contentType": "application/xml", "payload": "<a x=\"1\">张</a>", "signature": "c2ln", "keyId": "k1", "note": "ignored"}""");
        Assert.That((line.Malformed, line.Sequence, line.ContentType, line.Signature, line.KeyId), Is.EqualTo((false, "42", "application/xml", "c2ln", "k1")));
        Assert.That(line.Payload, Is.EqualTo(Encoding.UTF8.GetBytes("<a x=\"1\">张</a>")));
    }

    [TestCase("""{"payload": "{}"}""", "/sequence")]
    [TestCase("""{"sequence": 0, "payload": "{}"}""", "/sequence")]
    [TestCase("""{"sequence": "7", "payload": "{}"}""", "/sequence")]
    [TestCase("""{"sequence": 7.5, "payload": "{}"}""", "/sequence")]
    [TestCase("""{"sequence": 9223372036854775808, "payload": "{}"}""", "/sequence")]
    [TestCase("""{"sequence": 7}""", "/payload")]
    [TestCase("""{"sequence": 7, "payload": {"a": 1}}""", "/payload")]
    [TestCase("""{"sequence": 7, "payload": "{}", "signature": 5}""", "/signature")]
    [TestCase("""[1, 2]""", null)]
    [TestCase("""{"sequence": 7, "payload": "{}"} {"again": 1}""", null)]
    [TestCase("""{"sequence": 7, "payload": "{}" """, null)]
    [TestCase("""not json at all""", null)]
    public void A_line_that_is_not_one_contract_object_is_malformed_naming_the_member(string text, string? field)
    {
        var line = Parse(text);
        Assert.That((line.Malformed, line.Field), Is.EqualTo((true, field)));
    }

    [Test]
    public void A_payload_over_the_event_limit_is_malformed()
    {
        var line = Parse($$"""{"sequence": 1, "payload": "{{new string('a', SnapshotLineParser.MaxPayloadBytes + 1)}}"}""");
        Assert.That((line.Malformed, line.Field), Is.EqualTo((true, "/payload")));
    }

    [Test]
    public void A_malformed_line_says_where_never_what()
    {
        var line = Parse("""{"sequence": 1, "payload": "张伟 330106198108037021" oops}""");
        Assert.That(line.Error, Does.Not.Contain("张伟").And.Not.Contain("330106"));
    }
}
