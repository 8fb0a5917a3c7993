using System.Text.Json;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Transport.Notifications;
using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

/// <summary>Typed inside, words on the wire: whatever serializer options a host uses, the contract's strings come out.</summary>
public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Plain = new(JsonSerializerDefaults.Web);

    [Test]
    public void Verify_response_writes_decision_and_level_as_words()
    {
        var response = new VerifyResponse(Decision.Manual, RiskLevel.Unknown, "330000", new DisplayInfo("330100", "unknown", LevelColors.Unknown),
            null, [ReasonCodes.UnknownCode], null, new PolicyInfo("default", "2022-01-01", "0123456789abcdef"),
            new IssuerProfileInfo("330000", "2022-12-01", "fedcba9876543210"), DateTimeOffset.UnixEpoch);
        var json = JsonSerializer.Serialize(response, Plain);
        Assert.That(json, Does.Contain("\"decision\":\"manual\"").And.Contain("\"level\":\"unknown\""));
    }

    [Test]
    public void Status_applied_writes_level_and_kind_as_words_and_reads_them_back()
    {
        var applied = new StatusApplied("330000", "ZJ1", 9, RiskLevel.Unknown, DateTimeOffset.UnixEpoch, EventKind.Revoke);
        var json = JsonSerializer.Serialize(applied, Plain);
        Assert.That(json, Does.Contain("\"level\":\"unknown\"").And.Contain("\"kind\":\"revoke\""));
        Assert.That(JsonSerializer.Deserialize<StatusApplied>(json, Plain), Is.EqualTo(applied));
    }

    [Test]
    public void Policy_decisions_read_as_the_words_policy_files_use() =>
        Assert.That(JsonSerializer.Deserialize<Decision[]>("""["accept","deny","manual"]""", Plain),
            Is.EqualTo(new[] { Decision.Accept, Decision.Deny, Decision.Manual }));
}
