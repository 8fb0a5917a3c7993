using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>Arrays (made-up region 150000, and 230000 for earliest): the fields below an array read the entry its pick chooses.</summary>
public sealed class ArrayTests
{
    private const string Region = "150000";

    private static NormalizationResult Normalize(Action<JsonObject> change) =>
        MadeUpRegions.Normalize(MadeUpRegions.Profile(Region), MadeUpRegions.SampleWith(Region, "green.json", change));

    private static NormalizationResult NormalizeWithPick(string path, JsonObject pick) =>
        MadeUpRegions.Normalize(
            MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, path)["pick"] = pick).Profile!,
            MadeUpRegions.Sample(Region, "green.json"));

    [Test]
    public void Latest_takes_the_entry_with_the_latest_time_wherever_it_is_listed()
    {
        var result = Normalize(p => p["nucleicTests"] = JsonNode.Parse("""
            [{ "sampled": "2022-03-14 08:30", "result": "阴性" }, { "sampled": "2022-03-14 09:00", "result": "阳性" }, { "sampled": "2022-03-01 10:00", "result": "阴性" }]
            """));

        Assert.That(result.Record!.Health!.Nat, Is.EqualTo(new NatInfo(NatResults.Positive, new DateTimeOffset(2022, 3, 14, 1, 0, 0, TimeSpan.Zero), null)));
    }

    [Test]
    public void Earliest_takes_the_entry_with_the_earliest_time()
    {
        var result = NormalizeWithPick("nucleicTests", new JsonObject { ["entry"] = "earliest", ["by"] = "sampled", ["time"] = "yyyy-MM-dd HH:mm" });

        Assert.That(result.Record!.Health!.Nat!.SampledAt, Is.EqualTo(new DateTimeOffset(2022, 3, 12, 8, 45, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Earliest_expiry_of_several_restrictions_is_the_codes_valid_until()
    {
        var result = MadeUpRegions.Normalize("230000", "yellow.json");

        Assert.That(result.Record!.Code.ValidUntil, Is.EqualTo(new DateTimeOffset(2022, 3, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void First_and_last_take_entries_by_position()
    {
        var first = MadeUpRegions.Normalize(Region, "green.json").Record!;
        var last = NormalizeWithPick("documents", new JsonObject { ["entry"] = "last" }).Record!;
        var firstDose = NormalizeWithPick("vaccinations", new JsonObject { ["entry"] = "first" }).Record!;

        Assert.That(first.Person.Document, Is.EqualTo(new DocumentInfo(DocumentTypes.ResidentId, "150102198805120032")));
        Assert.That(first.Health!.Vaccination!.Doses, Is.EqualTo(3));
        Assert.That(last.Person.Document, Is.EqualTo(new DocumentInfo(DocumentTypes.Passport, "E12345678")));
        Assert.That(firstDose.Health!.Vaccination!.Doses, Is.EqualTo(1));
    }

    [Test]
    public void A_tie_for_latest_goes_to_the_entry_listed_later()
    {
        var result = Normalize(p => p["nucleicTests"] = JsonNode.Parse("""
            [{ "sampled": "2022-03-14 08:30", "result": "阴性" }, { "sampled": "2022-03-14 08:30", "result": "阳性" }]
            """));

        Assert.That(result.Record!.Health!.Nat!.Result, Is.EqualTo(NatResults.Positive));
    }

    [Test]
    public void An_entry_without_the_time_to_pick_by_is_refused_at_that_entry()
    {
        var result = Normalize(p => p["nucleicTests"]![1]!.AsObject().Remove("sampled"));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/nucleicTests/1/sampled" }));
        Assert.That(result.Errors["/nucleicTests/1/sampled"].Single(), Does.Contain("latest"));
    }

    [Test]
    public void An_entry_with_an_unreadable_time_is_refused_at_that_entry()
    {
        var result = Normalize(p => p["nucleicTests"]![2]!["sampled"] = "yesterday");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/nucleicTests/2/sampled" }));
    }

    [Test]
    public void Errors_below_an_array_point_into_the_picked_entry()
    {
        var result = Normalize(p => p["nucleicTests"]![1]!["result"] = "阴");

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/nucleicTests/1/result" }));
    }

    [Test]
    public void A_null_entry_keeps_its_place_and_counts_as_an_entry_without_fields()
    {
        var result = Normalize(p => p["documents"]!.AsArray().Insert(0, null));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/documents/0/type", "/documents/0/number" }));
    }

    [Test]
    public void A_required_empty_array_is_refused()
    {
        var result = Normalize(p => p["documents"] = new JsonArray());

        Assert.That(result.Errors["/documents"], Is.EqualTo(new[] { "must not be empty" }));
    }

    [Test]
    public void An_absent_optional_array_leaves_its_fields_unset()
    {
        var result = Normalize(p => p.Remove("nucleicTests"));

        Assert.That((result.Succeeded, result.Record!.Health!.Nat), Is.EqualTo((true, (NatInfo?)null)));
    }

    [Test]
    public void An_object_where_an_array_is_declared_is_a_type_error()
    {
        var result = Normalize(p => p["vaccinations"] = new JsonObject { ["dose"] = 2 });

        Assert.That(result.Errors["/vaccinations"].Single(), Does.StartWith("must be an array"));
    }

    [Test]
    public void An_unknown_field_inside_an_entry_is_reported_with_the_entrys_pointer()
    {
        var result = Normalize(p => p["nucleicTests"]![0]!["lab"] = "Hohhot 1");

        Assert.That(result.Warnings.Where(w => w.Code == WarningCodes.FieldNotMapped).Select(w => w.Field), Does.Contain("/nucleicTests/0/lab"));
    }

    [Test]
    public void A_repeated_xml_element_declared_as_an_array_is_read_by_its_pick()
    {
        var xml = MadeUpRegions.Sample("360000", "green.xml").Replace("2022-03-10 08:00:00", "2022-03-15 08:00:00");

        var result = MadeUpRegions.Normalize(MadeUpRegions.Profile("360000"), xml);

        Assert.That(result.Record!.Health!.Nat!.Result, Is.EqualTo(NatResults.Positive));
    }

    [Test]
    public void A_repeated_xml_element_not_declared_as_an_array_is_still_refused()
    {
        var xml = MadeUpRegions.Sample("360000", "green.xml").Replace("<gt:Colour>绿</gt:Colour>", "<gt:Colour>绿</gt:Colour><gt:Colour>红</gt:Colour>");

        var result = MadeUpRegions.Normalize(MadeUpRegions.Profile("360000"), xml);

        Assert.That((result.Failure, result.FailureDetail), Is.EqualTo((FailureKind.Malformed, "duplicate element '/Colour'")));
    }

    [Test]
    public void An_array_field_must_say_which_entry_to_pick()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "documents").Remove("pick"));

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[3].pick" }));
    }

    [Test]
    public void Only_an_array_field_picks_an_entry()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "name")["pick"] = new JsonObject { ["entry"] = "first" });

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[2].pick" }));
    }

    [Test]
    public void An_array_field_carries_no_value_of_its_own()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "vaccinations")["to"] = "person.nationality");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[10].type" }));
    }

    [Test]
    public void Latest_needs_the_time_field_and_its_format()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "nucleicTests")["pick"] = new JsonObject { ["entry"] = "latest" });

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[7].pick" }));
    }

    [Test]
    public void Latest_with_an_unknown_time_format_is_refused()
    {
        var result = MadeUpRegions.ProfileWith(Region, p => MadeUpRegions.Field(p, "nucleicTests")["pick"]!["time"] = "whenever");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "fields[7].pick.time" }));
    }
}
