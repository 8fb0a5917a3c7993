using HealthCode.Cli.Conformance;
using Spectre.Console;

namespace HealthCode.Cli.Reports;

/// <summary>
/// The decision matrix as a console table. Columns are provinces by their two-digit prefix and each cell stacks its
/// counts (5a / 7d / 1m) so twelve provinces still fit the 80 columns of a CI log; red cells hold a mismatch.
/// </summary>
public static class MatrixTable
{
    public static Table Build(IReadOnlyList<VectorResult> results)
    {
        var matrix = DecisionMatrix.From(results);
        var table = new Table().Border(TableBorder.Rounded).ShowRowSeparators()
            .Caption("rows: issuer, passed/vectors; columns: checkpoint province (2-digit prefix); a accept, d deny, m manual, ✗ mismatch");
        table.AddColumn("issuer");
        foreach (var province in matrix.Provinces) table.AddColumn(new TableColumn(province[..2]).Centered());
        foreach (var issuer in matrix.Issuers)
        {
            var vectors = results.Where(r => r.Vector.Region == issuer).ToArray();
            var passed = vectors.Count(v => v.Passed);
            var label = $"{issuer}\n[{(passed == vectors.Length ? "green" : "red")}]{passed}/{vectors.Length}[/]";
            var cells = matrix.Provinces.Select(p => matrix[issuer, p] is { } cell ? Cell(cell) : "");
            table.AddRow([label, .. cells]);
        }

        return table;
    }

    private static string Cell(MatrixCell cell)
    {
        var lines = new List<string>(5);
        if (cell.Accept > 0) lines.Add($"{cell.Accept}a");
        if (cell.Deny > 0) lines.Add($"{cell.Deny}d");
        if (cell.Manual > 0) lines.Add($"{cell.Manual}m");
        if (cell.Undecided > 0) lines.Add($"{cell.Undecided}?");
        if (cell.Mismatches > 0) lines.Add($"[red]✗{cell.Mismatches}[/]");
        return string.Join('\n', lines);
    }
}
