using System.ComponentModel;
using System.Diagnostics;

using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>Runs tests/fhir/validate.js (official FHIR R4 JSON schema via ajv, plus rules the schema cannot express).</summary>
internal static class NodeFhirValidator
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Validate(string folder)
    {
        var root = RepoRoot.Find();
        var fhirDir = Path.Combine(root, "tests", "fhir");
        if (!Directory.Exists(Path.Combine(fhirDir, "node_modules", "ajv"))
            || !Directory.Exists(Path.Combine(fhirDir, "node_modules", "@asymmetrik", "fhir-json-schema-validator")))
        {
            Assert.Fail($"tests/fhir/node_modules is missing: run `npm ci --prefix tests/fhir` in {root} before the tests.");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(fhirDir, "validate.js"), folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Cannot run `node` ({e.Message}); Node.js is needed for the FHIR conformance check.");
            throw;
        }

        using (process)
        {
            // Read both streams concurrently so a full pipe cannot block the child.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }
}
