using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Privacy;

namespace HealthCode.Verifier.Store;

/// <summary>
/// What the store keeps for one code: the decision inputs and masked holder forms only — never a full name
/// or document number. HolderKey is an HMAC of (document type, number) under the service secret.
/// A revoked code keeps its sequence with Revoked = true and level unknown.
/// </summary>
public sealed record StatusEntry(
    string Issuer,
    string Code,
    long Sequence,
    RiskLevel Level,
    string NativeLevel,
    string? SubStatus,
    DateTimeOffset StatusAt,
    DateTimeOffset? ValidUntil,
    bool Revoked,
    string? HolderKey,
    string? MaskedName,
    string? MaskedDocument,
    string? NatResult,
    DateTimeOffset? NatSampledAt,
    DateTimeOffset? NatReportedAt,
    int? VaccineDoses,
    bool? RiskAreaVisit,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The entry a status record becomes, its holder linked under the service secret (as ingestion stores it).</summary>
    public static StatusEntry FromRecord(CanonicalRecord record, EventSequence sequence, HolderKeys holderKeys, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(holderKeys);
        var document = record.Person.Document;
        return FromRecord(record, sequence, holderKeys.Compute(document.Type, document.Number), receivedAt);
    }

    /// <summary>
    /// The entry a status record becomes with the holder key given. Null leaves the code linked to no holder: right only
    /// where no other code of the person is consulted (a dry run deciding on this one record), never for the store.
    /// </summary>
    public static StatusEntry FromRecord(CanonicalRecord record, EventSequence sequence, string? holderKey, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var code = record.Code;
        var nat = record.Health?.Nat;
        return new StatusEntry(
            Issuer: record.Issuer,
            Code: code.Value,
            Sequence: sequence.Value,
            Level: code.Level,
            NativeLevel: code.NativeLevel,
            SubStatus: code.SubStatus,
            StatusAt: code.StatusAt,
            ValidUntil: code.ValidUntil,
            Revoked: false,
            HolderKey: holderKey,
            MaskedName: Masking.Name(record.Person.Name),
            MaskedDocument: Masking.Document(record.Person.Document.Number),
            NatResult: nat?.Result,
            NatSampledAt: nat?.SampledAt,
            NatReportedAt: nat?.ReportedAt,
            VaccineDoses: record.Health?.Vaccination?.Doses,
            RiskAreaVisit: record.Health?.Travel?.RiskAreaVisit,
            ReceivedAt: receivedAt);
    }

    /// <summary>
    /// A revoke: the code keeps its sequence (so older events stay superseded) but no holder, so it stops restricting,
    /// or vouching for, the person it belonged to.
    /// </summary>
    public static StatusEntry Tombstone(string issuer, string code, EventSequence sequence, DateTimeOffset statusAt, DateTimeOffset receivedAt) =>
        new(issuer, code, sequence.Value, RiskLevel.Unknown, EventKind.Revoke.ToWire(), null, statusAt, ValidUntil: null, Revoked: true,
            HolderKey: null, MaskedName: null, MaskedDocument: null, NatResult: null, NatSampledAt: null, NatReportedAt: null,
            VaccineDoses: null, RiskAreaVisit: null, ReceivedAt: receivedAt);
}
