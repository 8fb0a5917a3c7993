using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>Branches the shipped samples do not reach (positive/unknown/untimed NAT, zero doses, nationality, other document types, no health data).</summary>
internal static class SyntheticRecords
{
    private static readonly DateTimeOffset StatusAt = new(2022, 6, 1, 2, 3, 4, TimeSpan.FromHours(8));

    public static CanonicalRecord Base(string issuer = "330000", string codeValue = "ZJ0123456789ABCDEFGH") => new(
        CanonicalRecord.CurrentSchemaVersion,
        issuer,
        new CodeInfo(codeValue, RiskLevel.Green, "green", null, StatusAt, null),
        new PersonInfo("测试", new DocumentInfo(DocumentTypes.ResidentId, "110101195908203503"), null),
        null);

    public static IEnumerable<(string Name, CanonicalRecord Record)> All()
    {
        var b = Base();
        yield return ("synthetic-minimal", b);
        yield return ("synthetic-negative-nat-untimed-one-dose", b with
        {
            Health = new HealthInfo(new NatInfo(NatResults.Negative, null, null), new VaccinationInfo(1), new TravelInfo(true)),
        });
        yield return ("synthetic-positive-passport-nationality", b with
        {
            Code = b.Code with { Level = RiskLevel.Red, NativeLevel = "red" },
            Person = new PersonInfo("Maria Silva", new DocumentInfo(DocumentTypes.Passport, "P1234567"), "PRT"),
            Health = new HealthInfo(new NatInfo(NatResults.Positive, StatusAt.AddHours(-30), StatusAt.AddHours(-20)), new VaccinationInfo(3), null),
        });
        yield return ("synthetic-unknown-nat-zero-doses", b with
        {
            Code = b.Code with { Level = RiskLevel.Unknown, NativeLevel = "init", SubStatus = "under-review" },
            Health = new HealthInfo(new NatInfo(NatResults.Unknown, null, null), new VaccinationInfo(0), new TravelInfo(false)),
        });
        yield return ("synthetic-valid-until-hkid", b with
        {
            Issuer = "810000",
            Code = b.Code with { Value = "HKHC-12345678-89ABCDEF", NativeLevel = "Green", ValidUntil = StatusAt.AddHours(6) },
            Person = new PersonInfo("CHAN Tai Man", new DocumentInfo(DocumentTypes.Hkid, "A1234563"), null),
        });
    }
}
