using System.Text;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Store;

/// <summary>The Redis value format: a text prefix for the scripts, a compact binary record, and earlier JSON values still read.</summary>
public sealed class StatusEntryCodecTests
{
    private const string StoredBefore =
        """7|hk|{"issuer":"330000","code":"ZJ1","sequence":7,"level":"yellow","nativeLevel":"yellow","statusAt":"2022-06-10T08:00:00+00:00","revoked":false,"holderKey":"hk","receivedAt":"2022-06-10T08:00:00+00:00"}""";

    private static StatusEntry Full => Entries.Green("330000", "ZJ1", 42, holder: "Hk_22charsOfBase64Url-") with
    {
        SubStatus = "popup-2",
        StatusAt = new DateTimeOffset(2022, 6, 10, 8, 0, 0, 123, TimeSpan.FromHours(8)),
        ValidUntil = new DateTimeOffset(2022, 6, 11, 8, 0, 0, TimeSpan.FromHours(8)),
        NatResult = "negative",
        NatSampledAt = new DateTimeOffset(2022, 6, 9, 7, 30, 0, TimeSpan.FromHours(8)),
        NatReportedAt = new DateTimeOffset(2022, 6, 9, 20, 0, 0, TimeSpan.Zero),
        VaccineDoses = 3,
        RiskAreaVisit = false,
    };

    [Test]
    public void Value_stored_by_an_earlier_build_as_json_reads_back() =>
        Assert.That(StatusEntryCodec.Decode(Encoding.UTF8.GetBytes(StoredBefore), "330000", "ZJ1")!.Level, Is.EqualTo(RiskLevel.Yellow));

    [Test]
    public void Every_field_round_trips_including_offsets_and_milliseconds() =>
        Assert.That(StatusEntryCodec.Decode(StatusEntryCodec.Encode(Full), "330000", "ZJ1"), Is.EqualTo(Full));

    [Test]
    public void Offsets_survive_so_times_display_as_the_region_wrote_them() =>
        Assert.That(StatusEntryCodec.Decode(StatusEntryCodec.Encode(Full), "330000", "ZJ1")!.StatusAt.Offset, Is.EqualTo(TimeSpan.FromHours(8)));

    [Test]
    public void Revoked_and_multi_flags_sit_in_the_text_prefix()
    {
        var value = Encoding.ASCII.GetString(StatusEntryCodec.Encode(Full with { Revoked = true }, multi: true));
        Assert.That(value, Does.StartWith("42|Hk_22charsOfBase64Url-|mr|"));
    }

    [Test]
    public void A_full_entry_takes_well_under_a_hundred_and_forty_bytes() =>
        Assert.That(StatusEntryCodec.Encode(Full), Has.Length.LessThan(140));

    // Fail closed: a value this build cannot read is absent (verify answers manual, unknown-code), never a guessed level.
    [TestCase("\"level\":\"purple\"")]
    [TestCase("\"level\":2")]
    public void Earlier_value_with_an_unreadable_level_reads_as_absent(string level) =>
        Assert.That(StatusEntryCodec.Decode(Encoding.UTF8.GetBytes(StoredBefore.Replace("\"level\":\"yellow\"", level)), "330000", "ZJ1"), Is.Null);

    [Test]
    public void Record_with_an_unknown_level_byte_reads_as_absent()
    {
        var value = StatusEntryCodec.Encode(Full);
        var recordStart = Encoding.ASCII.GetString(value).IndexOf("||", StringComparison.Ordinal) + 2;
        value[recordStart + 1] = 9;
        Assert.That(StatusEntryCodec.Decode(value, "330000", "ZJ1"), Is.Null);
    }

    [Test]
    public void Truncated_record_reads_as_absent()
    {
        var value = StatusEntryCodec.Encode(Full);
        Assert.That(StatusEntryCodec.Decode(value.AsSpan(0, value.Length - 3), "330000", "ZJ1"), Is.Null);
    }

    [Test]
    public void Placeholder_of_a_code_whose_first_status_is_on_its_way_reads_as_absent() =>
        Assert.That(StatusEntryCodec.Decode("0||m|"u8, "330000", "ZJ1"), Is.Null);
}
