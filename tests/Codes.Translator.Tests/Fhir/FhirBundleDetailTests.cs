using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>Identity, privacy and per-resource details of the bundles.</summary>
[TestFixture]
public sealed class FhirBundleDetailTests
{
    private static IEnumerable<TestCaseData> Samples() => ExpectedFixtures.Cases();

    private static JsonObject Json(CanonicalRecord record) => BundleJson.Of(record);

    private static IEnumerable<JsonObject> Resources(JsonObject bundle, string type) => BundleJson.Resources(bundle, type);

    private static JsonObject StatusObservation(JsonObject bundle) => BundleJson.StatusObservation(bundle);

    [TestCaseSource(nameof(Samples))]
    public void PiiAppearsOnlyInThePatient(CanonicalRecord record)
    {
        var bundle = Json(record);
        var pii = new[] { record.Person.Name, record.Person.Document.Number };
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!;
            var text = entry.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            if (resource["resourceType"]!.GetValue<string>() == "Patient")
            {
                Assert.That(resource["name"]![0]!["text"]!.GetValue<string>(), Is.EqualTo(record.Person.Name));
                Assert.That(resource["identifier"]![0]!["value"]!.GetValue<string>(), Is.EqualTo(record.Person.Document.Number));
                Assert.That(resource["identifier"]![0]!["system"]!.GetValue<string>(), Is.EqualTo(FhirUris.DocumentIdentifierSystem(record.Person.Document.Type)));
                continue;
            }

            foreach (var value in pii)
            {
                Assert.That(text, Does.Not.Contain(value), $"{resource["resourceType"]} leaks PII");
            }
        }
    }

    [Test]
    public void FullUrls_DoNotDependOnPii()
    {
        var record = SyntheticRecords.Base();
        var other = record with { Person = new PersonInfo("别人", new DocumentInfo(DocumentTypes.Passport, "E00000000"), "CHN") };

        Assert.That(
            FhirBundleWriter.ToBundle(other).Entry.Select(e => e.FullUrl),
            Is.EqualTo(FhirBundleWriter.ToBundle(record).Entry.Select(e => e.FullUrl)));
    }

    [TestCaseSource(nameof(Samples))]
    public void Output_IsDeterministic(CanonicalRecord record)
    {
        var copy = record with { Code = record.Code with { } };

        Assert.That(FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(copy)), Is.EqualTo(FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(record))));
    }

    [Test]
    public void DifferentCodes_GetDifferentFullUrls()
    {
        var a = FhirBundleWriter.ToBundle(SyntheticRecords.Base(codeValue: "ZJ0000000000000000AA"));
        var b = FhirBundleWriter.ToBundle(SyntheticRecords.Base(codeValue: "ZJ0000000000000000AB"));

        Assert.That(a.Entry.Select(e => e.FullUrl), Has.No.AnyOf(b.Entry.Select(e => e.FullUrl).ToArray()));
    }

    [TestCase(2, "completed", 2)]
    [TestCase(0, "not-done", null)]
    public void Vaccination_IsAnImmunizationSummaryWithUnknownOccurrence(int doses, string status, int? doseNumber)
    {
        var record = SyntheticRecords.Base() with { Health = new HealthInfo(null, new VaccinationInfo(doses), null) };
        var json = Json(record);
        var immunization = Resources(json, "Immunization").Single();

        Assert.That(immunization["status"]!.GetValue<string>(), Is.EqualTo(status));
        Assert.That(immunization["occurrenceString"]!.GetValue<string>(), Is.EqualTo("unknown"));
        Assert.That(immunization["vaccineCode"]!["coding"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("213"));
        Assert.That(immunization["patient"]!["reference"]!.GetValue<string>(), Is.EqualTo(json["entry"]![0]!["fullUrl"]!.GetValue<string>()));
        Assert.That(immunization["extension"]![0]!["valueUnsignedInt"]!.GetValue<int>(), Is.EqualTo(doses));
        Assert.That(immunization["protocolApplied"]?[0]!["doseNumberPositiveInt"]!.GetValue<int>(), Is.EqualTo(doseNumber));
    }

    [Test]
    public void NoHealthInfo_GivesPatientOrganizationAndStatusObservationOnly()
    {
        var bundle = FhirBundleWriter.ToBundle(SyntheticRecords.Base());

        Assert.That(bundle.Entry.Select(e => e.Resource?.TypeName), Is.EqualTo(new[] { "Patient", "Organization", "Observation" }));
    }

    [Test]
    public void Nationality_UsesTheStandardPatientNationalityExtension()
    {
        var record = SyntheticRecords.Base() with { Person = SyntheticRecords.Base().Person with { Nationality = "PRT" } };
        var patient = Resources(Json(record), "Patient").Single();

        Assert.That(patient["extension"]![0]!["url"]!.GetValue<string>(), Is.EqualTo("http://hl7.org/fhir/StructureDefinition/patient-nationality"));
        Assert.That(patient["extension"]![0]!["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("PRT"));
    }

    [Test]
    public void NonCanonicalRecords_AreRejectedNotSilentlyMapped()
    {
        var b = SyntheticRecords.Base();

        Assert.Multiple(() =>
        {
            Assert.That(() => FhirBundleWriter.ToBundle(b with { Person = b.Person with { Document = new DocumentInfo("driving-licence", "X") } }), Throws.ArgumentException);
            Assert.That(() => FhirBundleWriter.ToBundle(b with { Health = new HealthInfo(new NatInfo("阴性", null, null), null, null) }), Throws.ArgumentException);
            Assert.That(() => FhirBundleWriter.ToBundle(b with { Code = b.Code with { ValidUntil = b.Code.StatusAt.AddSeconds(-1) } }), Throws.ArgumentException);
        });
    }

    [Test]
    public void Times_AreWrittenAsUtcWithZ()
    {
        var record = SyntheticRecords.Base();
        var observation = StatusObservation(Json(record));

        Assert.That(observation["effectiveDateTime"]!.GetValue<string>(), Is.EqualTo("2022-05-31T18:03:04Z"));
    }

    [Test]
    public void Serialize_KeepsChineseReadable()
    {
        var json = FhirJson.Serialize(FhirBundleWriter.ToBundle(SyntheticRecords.Base()));

        Assert.That(json, Does.Contain("\"text\":\"测试\""));
    }
}
