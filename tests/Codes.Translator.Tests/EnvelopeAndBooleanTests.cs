using System.Text;
using System.Text.Json.Nodes;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>Made-up region 350000: a payload wrapped in {"ret": 0, "data": {…}}, with native booleans.</summary>
public sealed class EnvelopeAndBooleanTests
{
    private const string Region = "350000";

    private static NormalizationResult Normalize(Action<JsonObject> change) =>
        MadeUpRegions.Normalize(MadeUpRegions.Profile(Region), MadeUpRegions.SampleWith(Region, "red.json", change));

    [Test]
    public void An_enveloped_payload_is_read_from_its_data_and_the_envelope_is_not_reported()
    {
        var result = MadeUpRegions.Normalize(Region, "red.json");

        Assert.That(result.Record!.Code.Value, Is.EqualTo("FJ0123456789AB"));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void An_envelope_that_reports_failure_is_refused_at_its_status()
    {
        var result = MadeUpRegions.Normalize(MadeUpRegions.Profile(Region), """{ "ret": 1001, "msg": "token expired" }""");

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/ret" }));
        Assert.That(result.Errors["/ret"].Single(), Does.Contain("'1001'"));
    }

    [Test]
    public void An_envelope_without_its_status_is_refused()
    {
        var result = Normalize(p => p.Remove("ret"));

        Assert.That(result.Errors["/ret"].Single(), Does.StartWith("is required"));
    }

    [Test]
    public void An_envelope_without_data_is_refused()
    {
        var result = Normalize(p => p["data"] = "none");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/data" }));
    }

    [Test]
    public void Errors_inside_the_envelope_point_at_the_full_path()
    {
        var result = Normalize(p => p["data"]!["codeColor"] = 7);

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/data/codeColor" }));
    }

    [Test]
    public void The_code_value_of_a_revoke_event_is_read_through_the_envelope()
    {
        var result = Shared.Normalizer.ReadCodeValue(MadeUpRegions.Profile(Region), Encoding.UTF8.GetBytes(MadeUpRegions.Sample(Region, "red.json")), "application/json");

        Assert.That(result.Code, Is.EqualTo("FJ0123456789AB"));
    }

    [Test]
    public void A_boolean_goes_verbatim_to_a_boolean_canonical_field()
    {
        var result = Normalize(p => p["data"]!["riskAreaVisited"] = false);

        Assert.That(result.Record!.Health!.Travel!.RiskAreaVisit, Is.False);
    }

    [Test]
    public void A_boolean_map_sets_canonical_fields_per_value()
    {
        var result = Normalize(p => p["data"]!["onWatchList"] = false);

        Assert.That(result.Record!.Code.SubStatus, Is.Null);
    }

    [Test]
    public void A_string_where_a_boolean_is_declared_is_a_type_error()
    {
        var result = Normalize(p => p["data"]!["riskAreaVisited"] = "true");

        Assert.That(result.Errors["/data/riskAreaVisited"].Single(), Does.StartWith("must be a boolean"));
    }

    [Test]
    public void A_boolean_map_key_other_than_true_or_false_is_refused()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "onWatchList")["map"]!["yes"] = new JsonObject());

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[6].map.yes" }));
    }

    [Test]
    public void A_boolean_goes_verbatim_only_to_a_boolean_canonical_field()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "onWatchList")["to"] = "code.subStatus");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[6].to" }));
    }

    [Test]
    public void A_text_field_cannot_go_verbatim_to_a_boolean_canonical_field()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "riskAreaVisited")["type"] = "string");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[5].to" }));
    }
}
