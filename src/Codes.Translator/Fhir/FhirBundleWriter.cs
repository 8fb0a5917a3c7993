using HealthCode.Translator.Canonical;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>Converts a normalized CanonicalRecord into a FHIR R4 collection Bundle; mapping documented in docs/fhir.md.</summary>
public static class FhirBundleWriter
{
    /// <summary>Same record in, byte-identical bundle out (after <see cref="FhirJson"/>): ids are name-based UUIDs.</summary>
    /// <exception cref="ArgumentException">The record is not canonical (unknown document type or NAT result, negative doses, validity before status).</exception>
    public static Bundle ToBundle(CanonicalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ids = BundleEntryIds.For(record);

        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        bundle.Entry.Add(Entry(ids.Patient, PatientMapper.Map(record.Person)));
        bundle.Entry.Add(Entry(ids.Organization, IssuerMapper.Map(record.Issuer)));
        bundle.Entry.Add(Entry(ids.HealthCodeObservation, HealthCodeObservationMapper.Map(record, record.Health?.Travel, ids)));

        if (record.Health?.Nat is { } nat)
        {
            bundle.Entry.Add(Entry(ids.NatObservation, NatObservationMapper.Map(nat, ids)));
        }

        if (record.Health?.Vaccination is { } vaccination)
        {
            bundle.Entry.Add(Entry(ids.Immunization, ImmunizationMapper.Map(vaccination, ids)));
        }

        return bundle;
    }

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new() { FullUrl = fullUrl, Resource = resource };
}
