using System.Text;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Store;

/// <summary>The Redis value format: a text prefix for the scripts (sequence, holder, flags, expiry) and a compact binary record.</summary>
public sealed class StatusEntryCodecTests
{
    private static readonly DateTimeOffset Expiry = new(2022, 6, 20, 0, 0, 0, TimeSpan.Zero);

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
    public void Every_field_round_trips_including_offsets_and_milliseconds() =>
        Assert.That(StatusEntryCodec.Decode(StatusEntryCodec.Encode(Full, Expiry), "330000", "ZJ1"), Is.EqualTo(Full));

    [Test]
    public void Offsets_survive_so_times_display_as_the_region_wrote_them() =>
        Assert.That(StatusEntryCodec.Decode(StatusEntryCodec.Encode(Full, Expiry), "330000", "ZJ1")!.StatusAt.Offset, Is.EqualTo(TimeSpan.FromHours(8)));

    [Test]
    public void Revoked_and_multi_flags_sit_in_the_text_prefix()
    {
        var value = Encoding.ASCII.GetString(StatusEntryCodec.Encode(Full with { Revoked = true }, Expiry, multi: true));
        Assert.That(value, Does.StartWith($"42|Hk_22charsOfBase64Url-|mr|{HolderIndexCodec.Base36(Expiry.ToUnixTimeSeconds())}|"));
    }

    [Test]
    public void A_full_entry_takes_well_under_a_hundred_and_forty_bytes() =>
        Assert.That(StatusEntryCodec.Encode(Full, Expiry), Has.Length.LessThan(140));

    // Fail closed: a value this build cannot read is absent (verify answers manual, unknown-code), never a guessed level.
    [TestCase("""7|hk||{"level":"yellow"}""")]
    [TestCase("7|hk|m|")]
    [TestCase("x|hk||abc|")]
    public void Value_in_a_form_this_build_does_not_write_reads_as_absent(string value) =>
        Assert.That(StatusEntryCodec.Decode(Encoding.UTF8.GetBytes(value), "330000", "ZJ1"), Is.Null);

    [Test]
    public void Expiry_sits_in_the_prefix_in_unix_seconds() =>
        Assert.That(StatusEntryCodec.ReadPrefix(StatusEntryCodec.Encode(Full, Expiry))!.Value.ExpiresAt, Is.EqualTo(Expiry));

    [Test]
    public void Record_with_an_unknown_level_byte_reads_as_absent()
    {
        var value = StatusEntryCodec.Encode(Full, Expiry);
        var recordStart = StatusEntryCodec.ReadPrefix(value)!.Value.RecordStart;
        value[recordStart + 1] = 9;
        Assert.That(StatusEntryCodec.Decode(value, "330000", "ZJ1"), Is.Null);
    }

    [Test]
    public void Truncated_record_reads_as_absent()
    {
        var value = StatusEntryCodec.Encode(Full, Expiry);
        Assert.That(StatusEntryCodec.Decode(value.AsSpan(0, value.Length - 3), "330000", "ZJ1"), Is.Null);
    }

    [Test]
    public void Placeholder_of_a_code_whose_first_status_is_on_its_way_reads_as_absent() =>
        Assert.That(StatusEntryCodec.Decode("0||m|zzzzzz|"u8, "330000", "ZJ1"), Is.Null);
}
