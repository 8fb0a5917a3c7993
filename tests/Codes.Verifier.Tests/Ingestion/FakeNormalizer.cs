using System.Text;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Tests.Ingestion;

/// <summary>Returns the canned record (or failure) regardless of the body, and remembers what it was asked.</summary>
public sealed class FakeNormalizer : INormalizer
{
    public CanonicalRecord? Record { get; set; }
    public NormalizationResult? Failure { get; set; }
    public CodeValueResult? CodeValue { get; set; }
    /// <summary>Thrown by Normalize when set: a bug in the consumer's path, as the pipeline sees it.</summary>
    public Exception? Throw { get; set; }
    public NormalizationContext? LastContext { get; private set; }
    public int Calls { get; private set; }

    public NormalizationResult Normalize(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType, NormalizationContext context)
    {
        Calls++;
        LastContext = context;
        if (Throw is not null) throw Throw;
        return Failure ?? new NormalizationResult(Record, [], FailureKind.None, null, new Dictionary<string, string[]>());
    }

    public CodeValueResult ReadCodeValue(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType)
    {
        Calls++;
        return CodeValue ?? new CodeValueResult(Encoding.UTF8.GetString(body), FailureKind.None, null, new Dictionary<string, string[]>());
    }

    public static CanonicalRecord Zhejiang(string code, DateTimeOffset statusAt, RiskLevel level = RiskLevel.Green,
        string name = "张伟", string document = "330106198108037021") => new(
        CanonicalRecord.CurrentSchemaVersion, "330000",
        new CodeInfo(code, level, level.ToWire(), null, statusAt, null),
        new PersonInfo(name, new DocumentInfo(DocumentTypes.ResidentId, document), null),
        new HealthInfo(new NatInfo(NatResults.Negative, statusAt - TimeSpan.FromHours(5), statusAt - TimeSpan.FromHours(1)),
            new VaccinationInfo(3), new TravelInfo(false)));
}
