using System.Globalization;
using System.Xml.Linq;
using HealthCode.Cli.Conformance;

namespace HealthCode.Cli.Reports;

/// <summary>JUnit XML as CI servers read it: one testsuite per issuing region, one testcase per vector.</summary>
public static class JunitReport
{
    public static string Write(IReadOnlyList<VectorResult> results, TimeSpan elapsed)
    {
        var suites = results.GroupBy(r => r.Vector.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(region =>
            new XElement("testsuite",
                new XAttribute("name", $"conformance.{region.Key}"),
                new XAttribute("tests", region.Count()),
                new XAttribute("failures", region.Count(r => !r.Passed)),
                new XAttribute("errors", 0),
                new XAttribute("time", Seconds(region.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed))),
                region.Select(Case)));
        var root = new XElement("testsuites",
            new XAttribute("name", "hc conformance"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => !r.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(elapsed)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + Environment.NewLine + root;
    }

    private static XElement Case(VectorResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"conformance.{result.Vector.Region}"),
            new XAttribute("name", result.Vector.Name),
            new XAttribute("file", result.Vector.File),
            new XAttribute("time", Seconds(result.Elapsed)));
        if (!result.Passed)
        {
            var problems = result.Problems.ToArray();
            element.Add(new XElement("failure",
                new XAttribute("message", problems[0]),
                new XAttribute("type", "mismatch"),
                string.Join(Environment.NewLine, problems)));
        }

        return element;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
