using System.Globalization;
using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;

using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Builds a CanonicalRecord from the flat dotted map of a fixture's *.expected.json ("code.value", ...), so FHIR
/// tests do not depend on the normalizer, which is written in parallel.
/// </summary>
internal static class DottedCanonical
{
    public static CanonicalRecord ToRecord(JsonObject map)
    {
        string? Str(string key) => map[key]?.GetValue<string>();
        string Req(string key) => Str(key) ?? throw new InvalidOperationException($"fixture lacks '{key}'");
        DateTimeOffset? Time(string key) => Str(key) is { } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;

        if (!RiskLevels.TryParse(Req("code.level"), out var level))
        {
            throw new InvalidOperationException($"fixture has unknown level '{Str("code.level")}'");
        }

        var code = new CodeInfo(
            Req("code.value"),
            level,
            Req("code.nativeLevel"),
            Str("code.subStatus"),
            Time("code.statusAt") ?? throw new InvalidOperationException("fixture lacks 'code.statusAt'"),
            Time("code.validUntil"));

        var person = new PersonInfo(
            Req("person.name"),
            new DocumentInfo(Req("person.document.type"), Req("person.document.number")),
            Str("person.nationality"));

        var nat = Str("health.nat.result") is { } result
            ? new NatInfo(result, Time("health.nat.sampledAt"), Time("health.nat.reportedAt"))
            : null;
        var vaccination = map["health.vaccination.doses"] is { } doses ? new VaccinationInfo(doses.GetValue<int>()) : null;
        var travel = map["health.travel.riskAreaVisit"] is { } visit ? new TravelInfo(visit.GetValue<bool>()) : null;
        var health = nat is null && vaccination is null && travel is null ? null : new HealthInfo(nat, vaccination, travel);

        return new CanonicalRecord(CanonicalRecord.CurrentSchemaVersion, Req("issuer"), code, person, health);
    }
}
