using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using Hl7.Fhir.Model;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

[TestFixture]
public sealed class FhirBundleWriterTests
{
    private static IEnumerable<TestCaseData> Samples() => ExpectedFixtures.Cases();

    private static JsonObject Json(CanonicalRecord record) => BundleJson.Of(record);

    private static IEnumerable<JsonObject> Resources(JsonObject bundle, string type) => BundleJson.Resources(bundle, type);

    private static JsonObject StatusObservation(JsonObject bundle) => BundleJson.StatusObservation(bundle);

    private static string Utc(DateTimeOffset t) => BundleJson.Utc(t);

    [TestCaseSource(nameof(Samples))]
    public void Bundle_IsACollectionWithUrnUuidFullUrlsAndResourceTypeFirst(CanonicalRecord record)
    {
        var json = FhirJson.Serialize(FhirBundleWriter.ToBundle(record));
        var bundle = JsonNode.Parse(json)!.AsObject();

        Assert.That(json, Does.StartWith("{\"resourceType\":\"Bundle\""));
        Assert.That(bundle["type"]!.GetValue<string>(), Is.EqualTo("collection"));
        var entries = bundle["entry"]!.AsArray();
        var fullUrls = entries.Select(e => e!["fullUrl"]!.GetValue<string>()).ToList();
        Assert.That(fullUrls, Is.Unique);
        Assert.That(fullUrls, Has.All.Match("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        foreach (var entry in entries)
        {
            Assert.That(entry!["resource"]!.AsObject().First().Key, Is.EqualTo("resourceType"));
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void EveryReference_ResolvesInsideTheBundle(CanonicalRecord record)
    {
        var bundle = Json(record);
        var fullUrls = bundle["entry"]!.AsArray().Select(e => e!["fullUrl"]!.GetValue<string>()).ToHashSet();
        var references = new List<string>();
        Collect(bundle["entry"]!, references);

        Assert.That(references, Is.Not.Empty);
        Assert.That(references.Distinct(), Is.SubsetOf(fullUrls));

        static void Collect(JsonNode node, List<string> found)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        if (key == "reference") found.Add(child!.GetValue<string>());
                        else if (child is not null) Collect(child, found);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a) Collect(child!, found);
                    break;
            }
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Output_HasNoNullsNoEmptyStringsArraysOrObjects(CanonicalRecord record)
    {
        Walk(Json(record), "Bundle");

        static void Walk(JsonNode? node, string at)
        {
            switch (node)
            {
                case null:
                    Assert.Fail($"{at} is null");
                    break;
                case JsonObject o:
                    Assert.That(o, Is.Not.Empty, at);
                    foreach (var (key, child) in o) Walk(child, $"{at}.{key}");
                    break;
                case JsonArray a:
                    Assert.That(a, Is.Not.Empty, at);
                    for (var i = 0; i < a.Count; i++) Walk(a[i], $"{at}[{i}]");
                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    Assert.That(s, Is.Not.Empty.And.Not.EqualTo(" "), at);
                    break;
            }
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void StatusObservation_HasExactlyOneEffectiveChoice(CanonicalRecord record)
    {
        var observation = StatusObservation(Json(record));
        var effectiveKeys = observation.Select(p => p.Key).Where(k => k.StartsWith("effective", StringComparison.Ordinal)).ToList();

        Assert.That(effectiveKeys, Has.Count.EqualTo(1));
        if (record.Code.ValidUntil is { } validUntil)
        {
            Assert.That(effectiveKeys[0], Is.EqualTo("effectivePeriod"));
            Assert.That(observation["effectivePeriod"]!["start"]!.GetValue<string>(), Is.EqualTo(Utc(record.Code.StatusAt)));
            Assert.That(observation["effectivePeriod"]!["end"]!.GetValue<string>(), Is.EqualTo(Utc(validUntil)));
        }
        else
        {
            Assert.That(effectiveKeys[0], Is.EqualTo("effectiveDateTime"));
            Assert.That(observation["effectiveDateTime"]!.GetValue<string>(), Is.EqualTo(Utc(record.Code.StatusAt)));
        }
    }

    [Test]
    public void ShippedSamples_IncludeBothEffectiveShapes()
    {
        var records = ExpectedFixtures.All().Select(s => s.Record).ToList();
        Assert.That(records.Any(r => r.Code.ValidUntil is null), Is.True);
        Assert.That(records.Any(r => r.Code.ValidUntil is not null), Is.True);
    }

    [TestCaseSource(nameof(Samples))]
    public void StatusObservation_CarriesCodeValueCanonicalAndNativeLevelAndIssuer(CanonicalRecord record)
    {
        var bundle = Json(record);
        var observation = StatusObservation(bundle);

        Assert.That(observation["status"]!.GetValue<string>(), Is.EqualTo("final"));
        Assert.That(observation["identifier"]![0]!["system"]!.GetValue<string>(), Is.EqualTo($"https://healthcode.example.org/fhir/sid/health-code/{record.Issuer}"));
        Assert.That(observation["identifier"]![0]!["value"]!.GetValue<string>(), Is.EqualTo(record.Code.Value));
        var codings = observation["valueCodeableConcept"]!["coding"]!.AsArray();
        Assert.That(codings[0]!["system"]!.GetValue<string>(), Is.EqualTo(FhirUris.CanonicalLevelCodeSystem));
        Assert.That(codings[0]!["code"]!.GetValue<string>(), Is.EqualTo(record.Code.Level.ToWire()));
        Assert.That(codings[1]!["system"]!.GetValue<string>(), Is.EqualTo(FhirUris.NativeLevelCodeSystem(record.Issuer)));
        Assert.That(codings[1]!["code"]!.GetValue<string>(), Is.EqualTo(record.Code.NativeLevel));

        var performer = observation["performer"]![0]!["reference"]!.GetValue<string>();
        var organization = bundle["entry"]!.AsArray().Single(e => e!["fullUrl"]!.GetValue<string>() == performer)!["resource"]!;
        Assert.That(organization["resourceType"]!.GetValue<string>(), Is.EqualTo("Organization"));
        Assert.That(organization["identifier"]![0]!["value"]!.GetValue<string>(), Is.EqualTo(record.Issuer));
    }

    [TestCaseSource(nameof(Samples))]
    public void SubStatusAndTravel_BecomeComponents(CanonicalRecord record)
    {
        var components = StatusObservation(Json(record))["component"]?.AsArray();
        var subStatus = components?.SingleOrDefault(c => c!["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "health-code-sub-status");
        var travel = components?.SingleOrDefault(c => c!["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "risk-area-visit");

        Assert.That(subStatus?["valueString"]?.GetValue<string>(), Is.EqualTo(record.Code.SubStatus));
        Assert.That(travel?["valueBoolean"]?.GetValue<bool>(), Is.EqualTo(record.Health?.Travel?.RiskAreaVisit));
    }

    [TestCaseSource(nameof(Samples))]
    public void NatObservation_UsesLoinc94500AndSnomedWhenResultKnown(CanonicalRecord record)
    {
        var bundle = Json(record);
        var nat = Resources(bundle, "Observation").SingleOrDefault(o => o["code"]!["coding"]![0]!["system"]!.GetValue<string>() == "http://loinc.org");
        var natInfo = record.Health?.Nat;
        if (natInfo is null)
        {
            Assert.That(nat, Is.Null, "no NAT in the record, no NAT Observation");
            return;
        }

        Assert.That(nat, Is.Not.Null);
        Assert.That(nat!["code"]!["coding"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("94500-6"));
        Assert.That(nat["effectiveDateTime"]?.GetValue<string>(), Is.EqualTo(natInfo.SampledAt is { } s ? Utc(s) : null));
        Assert.That(nat["issued"]?.GetValue<string>(), Is.EqualTo(natInfo.ReportedAt is { } r ? Utc(r) : null));
        var expected = natInfo.Result switch
        {
            NatResults.Negative => ("valueCodeableConcept", "http://snomed.info/sct", "260385009"),
            NatResults.Positive => ("valueCodeableConcept", "http://snomed.info/sct", "10828004"),
            NatResults.None => ("dataAbsentReason", "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed"),
            _ => ("dataAbsentReason", "http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"),
        };
        Assert.That(nat[expected.Item1]!["coding"]![0]!["system"]!.GetValue<string>(), Is.EqualTo(expected.Item2));
        Assert.That(nat[expected.Item1]!["coding"]![0]!["code"]!.GetValue<string>(), Is.EqualTo(expected.Item3));
        Assert.That(nat.ContainsKey("valueCodeableConcept") && nat.ContainsKey("dataAbsentReason"), Is.False, "obs-6");
    }

    [TestCase(NatResults.Positive, "10828004")]
    [TestCase(NatResults.Negative, "260385009")]
    public void NatResult_MapsToSnomed(string result, string snomed)
    {
        var record = SyntheticRecords.Base() with { Health = new HealthInfo(new NatInfo(result, null, null), null, null) };
        var nat = FhirBundleWriter.ToBundle(record).Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Category.Count > 0);

        Assert.That((nat.Value as CodeableConcept)?.Coding[0].Code, Is.EqualTo(snomed));
        Assert.That(nat.Effective, Is.Null, "no sampling time, no effective[x]");
    }
}
