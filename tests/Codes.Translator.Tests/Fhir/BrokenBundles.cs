using System.Text.Json.Nodes;
using HealthCode.Translator.Fhir;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Real bundles with one FHIR rule broken in the health-code status Observation. Each must be rejected by every
/// conformance check that passes the real bundles; otherwise that check proves nothing about the rule.
/// </summary>
internal static class BrokenBundles
{
    public static readonly string[] Breakages =
        ["both-effective", "bad-resource-type", "unknown-element", "dangling-reference", "empty-string", "no-timezone", "missing-status"];

    public static string Json(string breakage)
    {
        var sample = ExpectedFixtures.All().First(s => s.Record.Health?.Nat is not null);
        var bundle = JsonNode.Parse(FhirJson.Serialize(FhirBundleWriter.ToBundle(sample.Record)))!;
        Break(bundle["entry"]![2]!["resource"]!.AsObject(), breakage);
        return bundle.ToJsonString();
    }

    private static void Break(JsonObject observation, string breakage)
    {
        switch (breakage)
        {
            case "both-effective":
                observation["effectivePeriod"] = new JsonObject { ["start"] = observation["effectiveDateTime"]!.GetValue<string>() };
                break;
            case "bad-resource-type":
                observation["resourceType"] = "Observaton";
                break;
            case "unknown-element":
                observation["effectiveDate"] = "2022-01-01";
                break;
            case "dangling-reference":
                observation["subject"] = new JsonObject { ["reference"] = "urn:uuid:00000000-0000-5000-8000-000000000000" };
                break;
            case "empty-string":
                observation["code"]!["text"] = "";
                break;
            case "no-timezone":
                observation["effectiveDateTime"] = "2022-01-11T13:15:00";
                break;
            case "missing-status":
                observation.Remove("status");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
