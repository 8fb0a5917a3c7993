using HealthCode.Cli.Conformance;

namespace HealthCode.Cli.Reports;

/// <summary>Issuing region × checkpoint province: what the checkpoints decided for each region's codes.</summary>
public sealed class DecisionMatrix
{
    private readonly Dictionary<(string Issuer, string Province), MatrixCell> _cells;

    private DecisionMatrix(IReadOnlyList<string> issuers, IReadOnlyList<string> provinces, Dictionary<(string, string), MatrixCell> cells)
    {
        Issuers = issuers;
        Provinces = provinces;
        _cells = cells;
    }

    public IReadOnlyList<string> Issuers { get; }

    public IReadOnlyList<string> Provinces { get; }

    public MatrixCell? this[string issuer, string province] => _cells.GetValueOrDefault((issuer, province));

    public static DecisionMatrix From(IReadOnlyList<VectorResult> results)
    {
        var cells = results
            .SelectMany(r => r.Checkpoints.Select(c => (r.Vector.Region, c)))
            .GroupBy(x => (x.Region, x.c.Province))
            .ToDictionary(g => g.Key, g => new MatrixCell(
                g.Count(x => x.c.Actual.Decision == "accept"),
                g.Count(x => x.c.Actual.Decision == "deny"),
                g.Count(x => x.c.Actual.Decision == "manual"),
                g.Count(x => x.c.Actual.Decision is null),
                g.Count(x => !x.c.Passed)));
        var issuers = results.Select(r => r.Vector.Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        var provinces = cells.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new DecisionMatrix(issuers, provinces, cells);
    }
}
