using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Tests.Support;

public static class Entries
{
    public static readonly DateTimeOffset T0 = new(2022, 6, 10, 8, 0, 0, TimeSpan.Zero);

    public static StatusEntry Green(string issuer, string code, long sequence = 1, string? holder = "holder-a") => new(
        Issuer: issuer, Code: code, Sequence: sequence, Level: RiskLevel.Green, NativeLevel: "green", SubStatus: null,
        StatusAt: T0, ValidUntil: null, Revoked: false, HolderKey: holder, MaskedName: "张*",
        MaskedDocument: "3301**********7021", NatResult: null, NatSampledAt: null, NatReportedAt: null,
        VaccineDoses: null, RiskAreaVisit: null, ReceivedAt: T0);
}
