using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthCode.Api.Tests.Operations;

/// <summary>A /metrics scrape (Prometheus text format) read into series: name, labels, value.</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<Series> all)
    {
        Text = text;
        All = all;
    }

    public sealed record Series(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public string Text { get; }
    public IReadOnlyList<Series> All { get; }

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "/metrics answers");
        var text = await response.Content.ReadAsStringAsync();
        var series = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(Parse).ToList();
        return new PrometheusText(text, series);
    }

    /// <summary>The series of that name whose labels include every given one.</summary>
    public IEnumerable<Series> Find(string name, params (string Label, string Value)[] labels) =>
        All.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    public double Sum(string name, params (string Label, string Value)[] labels) => Find(name, labels).Sum(s => s.Value);

    public bool Has(string name, params (string Label, string Value)[] labels) => Find(name, labels).Any();

    /// <summary>Every label value of every series: what the privacy scan searches.</summary>
    public IEnumerable<string> LabelValues => All.SelectMany(s => s.Labels.Values).Distinct();

    private static Series Parse(string line)
    {
        var match = Line().Match(line);
        Assert.That(match.Success, Is.True, $"a Prometheus sample line: {line}");
        var labels = Label().Matches(match.Groups["labels"].Value)
            .ToDictionary(m => m.Groups["name"].Value, m => Regex.Unescape(m.Groups["value"].Value), StringComparer.Ordinal);
        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var v => double.Parse(v, CultureInfo.InvariantCulture),
        };
        return new Series(match.Groups["name"].Value, labels, value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex Line();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
