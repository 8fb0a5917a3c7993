using System.Text;
using HealthCode.Cli.Conformance;

namespace HealthCode.Cli.Reports;

/// <summary>A Markdown summary for a pull request or a CI job page: totals, the decision matrix, then every mismatch.</summary>
public static class MarkdownReport
{
    public static string Write(IReadOnlyList<VectorResult> results)
    {
        var text = new StringBuilder();
        var failed = results.Count(r => !r.Passed);
        text.AppendLine("# Conformance").AppendLine();
        text.AppendLine($"{results.Count} vectors, {results.Count - failed} passed, {failed} failed; "
            + $"{results.Sum(r => r.Checkpoints.Count)} checkpoint decisions.").AppendLine();

        var matrix = DecisionMatrix.From(results);
        text.AppendLine("Decisions by issuing region (rows) and checkpoint province (columns): a accept, d deny, m manual, ✗ not as expected.").AppendLine();
        text.AppendLine("| issuer | " + string.Join(" | ", matrix.Provinces) + " |");
        text.AppendLine("|---|" + string.Concat(matrix.Provinces.Select(_ => "---|")));
        foreach (var issuer in matrix.Issuers)
            text.AppendLine($"| {issuer} | " + string.Join(" | ", matrix.Provinces.Select(p => matrix[issuer, p]?.Text ?? "")) + " |");

        if (failed > 0)
        {
            text.AppendLine().AppendLine("## Mismatches").AppendLine();
            foreach (var result in results.Where(r => !r.Passed))
            {
                text.AppendLine($"- **{Escape(result.Vector.Name)}** (`{result.Vector.File}`)");
                foreach (var problem in result.Problems) text.AppendLine($"  - {Escape(problem)}");
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
