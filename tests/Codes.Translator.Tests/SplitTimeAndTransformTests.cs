using System.Text.Json.Nodes;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>Made-up region 230000: a status time split over a date field and a time field, and values trimmed and upper-cased before mapping.</summary>
public sealed class SplitTimeAndTransformTests
{
    private const string Region = "230000";

    private static NormalizationResult Normalize(Action<JsonObject> change) =>
        MadeUpRegions.Normalize(MadeUpRegions.Profile(Region), MadeUpRegions.SampleWith(Region, "yellow.json", change));

    private static ProfileDraftResultPaths ProfileWith(Action<JsonObject> change) => new(MadeUpRegions.ProfileWith(Region, change).Paths().ToArray());

    private sealed record ProfileDraftResultPaths(string[] Paths);

    [Test]
    public void A_date_field_and_a_time_field_are_read_as_one_instant_in_the_profiles_zone()
    {
        var result = Normalize(p => { p["rq"] = "20211231"; p["sj"] = "235959"; });

        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(new DateTimeOffset(2021, 12, 31, 15, 59, 59, TimeSpan.Zero)));
    }

    [Test]
    public void A_split_time_without_its_time_field_is_refused_at_the_time_field()
    {
        var result = Normalize(p => p.Remove("sj"));

        Assert.That(result.Errors["/sj"].Single(), Does.Contain("/rq"));
    }

    [Test]
    public void A_bad_time_of_day_is_refused_at_the_time_field()
    {
        var result = Normalize(p => p["sj"] = "250000");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/sj" }));
    }

    [Test]
    public void A_bad_date_is_refused_at_the_date_field()
    {
        var result = Normalize(p => p["rq"] = "20220230");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/rq" }));
    }

    [Test]
    public void A_split_time_needs_a_net_date_format_without_hours()
    {
        Assert.That(ProfileWith(p => MadeUpRegions.Field(p, "rq")["time"] = "iso8601-local").Paths, Is.EqualTo(new[] { "fields[4].time" }));
        Assert.That(ProfileWith(p => MadeUpRegions.Field(p, "rq")["time"] = "yyyyMMddHH").Paths, Is.EqualTo(new[] { "fields[4].time" }));
    }

    [Test]
    public void A_time_of_day_format_carries_hours_and_no_date()
    {
        Assert.That(ProfileWith(p => MadeUpRegions.Field(p, "rq")["timeOfDay"]!["time"] = "yyyyMMdd").Paths, Is.EqualTo(new[] { "fields[4].timeOfDay.time" }));
    }

    [Test]
    public void A_time_of_day_needs_a_date_field_with_a_time_format()
    {
        var paths = ProfileWith(p => p["fields"]!.AsArray().Add(JsonNode.Parse("""{ "path": "x", "type": "string", "to": "person.nationality", "timeOfDay": { "path": "y", "time": "HH:mm" } }"""))).Paths;

        Assert.That(paths, Is.EqualTo(new[] { "fields[7].timeOfDay" }));
    }

    [Test]
    public void Values_are_trimmed_and_upper_cased_before_they_are_mapped()
    {
        var result = Normalize(p => p["color"] = "\t rEd  ");

        Assert.That((result.Record!.Code.Level, result.Record.Code.NativeLevel), Is.EqualTo((Canonical.RiskLevel.Red, "RED")));
    }

    [Test]
    public void A_transformed_value_goes_to_its_canonical_field_transformed()
    {
        var record = MadeUpRegions.Normalize(Region, "yellow.json").Record!;

        Assert.That((record.Code.Value, record.Person.Name), Is.EqualTo(("HLJ0A1B2C3D4E5F", "王秀英")));
    }

    [Test]
    public void A_value_of_only_spaces_is_empty_once_trimmed()
    {
        var result = Normalize(p => p["xm"] = "   ");

        Assert.That(result.Errors["/xm"], Is.EqualTo(new[] { "must not be empty" }));
    }

    [Test]
    public void Without_a_transform_the_value_is_taken_as_sent()
    {
        var result = MadeUpRegions.Normalize(
            MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "color").Remove("transform")).Profile!,
            MadeUpRegions.Sample(Region, "yellow.json"));

        Assert.That(result.Errors["/color"].Single(), Does.Contain("' Yellow '"));
    }

    [Test]
    public void A_map_key_the_transform_would_change_can_never_match_and_is_refused()
    {
        var paths = ProfileWith(p => MadeUpRegions.Field(p, "color")["map"]!["Orange"] = new JsonObject { ["code.level"] = "yellow" }).Paths;

        Assert.That(paths, Is.EqualTo(new[] { "fields[1].map.Orange" }));
    }

    [Test]
    public void Upper_case_and_lower_case_together_are_refused()
    {
        var paths = ProfileWith(p => MadeUpRegions.Field(p, "xm")["transform"] = new JsonArray("upper-case", "lower-case")).Paths;

        Assert.That(paths, Is.EqualTo(new[] { "fields[2].transform" }));
    }
}
