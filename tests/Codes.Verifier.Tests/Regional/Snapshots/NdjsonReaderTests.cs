using System.Text;
using HealthCode.Verifier.Regional.Snapshots;

namespace HealthCode.Verifier.Tests.Regional.Snapshots;

public sealed class NdjsonReaderTests
{
    private static async Task<List<NdjsonLine>> Read(string text, int max = 64)
    {
        var lines = new List<NdjsonLine>();
        await foreach (var line in NdjsonReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), max, CancellationToken.None)) lines.Add(line);
        return lines;
    }

    private static (long, string, bool) Show(NdjsonLine l) => (l.Number, Encoding.UTF8.GetString(l.Bytes), l.TooLong);

    [Test]
    public async Task Lines_keep_their_numbers_blank_lines_are_skipped_and_crlf_is_accepted() =>
        Assert.That((await Read("{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{\"c\":3}")).Select(Show),
            Is.EqualTo(new[] { (1L, "{\"a\":1}", false), (4L, "{\"b\":2}", false), (5L, "{\"c\":3}", false) }));

    [Test]
    public async Task A_line_over_the_limit_is_reported_too_long_without_its_bytes_and_the_next_lines_are_intact()
    {
        var lines = await Read("{\"a\":1}\n" + new string('x', 200) + "\n{\"b\":2}\n" + new string('y', 100), max: 64);
        Assert.That(lines.Select(Show), Is.EqualTo(new[] { (1L, "{\"a\":1}", false), (2L, "", true), (3L, "{\"b\":2}", false), (4L, "", true) }));
    }

    [Test]
    public async Task Lines_longer_than_the_read_buffer_are_reassembled()
    {
        var big = "{\"p\":\"" + new string('z', 200_000) + "\"}";
        var lines = await Read(big + "\n" + big + "\n", max: 256 * 1024);
        Assert.That(lines.Select(l => (l.Number, l.Bytes.Length, l.TooLong)), Is.EqualTo(new[] { (1L, big.Length, false), (2L, big.Length, false) }));
    }

    [Test]
    public async Task A_too_long_line_spanning_many_reads_is_skipped_whole()
    {
        var lines = await Read(new string('q', 300_000) + "\n{\"ok\":true}\n", max: 1024);
        Assert.That(lines.Select(Show), Is.EqualTo(new[] { (1L, "", true), (2L, "{\"ok\":true}", false) }));
    }
}
