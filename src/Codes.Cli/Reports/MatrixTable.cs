using HealthCode.Cli.Conformance;
using Spectre.Console;

namespace HealthCode.Cli.Reports;

/// <summary>The decision matrix as a console table: green cells decided as expected, red ones did not.</summary>
public static class MatrixTable
{
    public static Table Build(IReadOnlyList<VectorResult> results)
    {
        var matrix = DecisionMatrix.From(results);
        var table = new Table().Border(TableBorder.Rounded).Title("decisions: issuer × checkpoint province (a accept, d deny, m manual, ✗ mismatch)");
        table.AddColumn("issuer");
        foreach (var province in matrix.Provinces) table.AddColumn(new TableColumn(province).Centered());
        foreach (var issuer in matrix.Issuers)
        {
            var vectors = results.Where(r => r.Vector.Region == issuer).ToArray();
            var label = $"{issuer} [grey]{vectors.Count(v => v.Passed)}/{vectors.Length}[/]";
            var cells = matrix.Provinces.Select(p => matrix[issuer, p] is { } cell
                ? $"[{(cell.Mismatches > 0 ? "red" : "green")}]{Markup.Escape(cell.Text)}[/]"
                : "");
            table.AddRow([label, .. cells]);
        }

        return table;
    }
}
