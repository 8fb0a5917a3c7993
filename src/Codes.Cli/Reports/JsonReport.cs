using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Cli.Conformance;

namespace HealthCode.Cli.Reports;

/// <summary>The whole run as JSON, for tools: a summary, then each vector with each checkpoint's expected and actual decision.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<VectorResult> results)
    {
        var vectors = new JsonArray();
        foreach (var result in results)
        {
            var checkpoints = new JsonArray();
            foreach (var checkpoint in result.Checkpoints)
            {
                checkpoints.Add(new JsonObject
                {
                    ["region"] = checkpoint.Expected.Checkpoint.Region,
                    ["scene"] = checkpoint.Expected.Checkpoint.Scene,
                    ["expected"] = checkpoint.Expected.Decision,
                    ["decision"] = checkpoint.Actual.Decision,
                    ["reasons"] = new JsonArray(checkpoint.Actual.Reasons.Select(r => (JsonNode?)r).ToArray()),
                    ["policy"] = checkpoint.Actual.Policy,
                    ["passed"] = checkpoint.Passed,
                });
            }

            vectors.Add(new JsonObject
            {
                ["name"] = result.Vector.Name,
                ["file"] = result.Vector.File,
                ["region"] = result.Vector.Region,
                ["passed"] = result.Passed,
                ["problems"] = new JsonArray(result.Problems.Select(p => (JsonNode?)p).ToArray()),
                ["checkpoints"] = checkpoints,
            });
        }

        var document = new JsonObject
        {
            ["vectors"] = results.Count,
            ["passed"] = results.Count(r => r.Passed),
            ["failed"] = results.Count(r => !r.Passed),
            ["results"] = vectors,
        };
        return document.ToJsonString(Options);
    }
}
