using System.ComponentModel;
using System.Diagnostics;

namespace HealthCode.Api.Tests.Operations;

/// <summary>Runs tests/openapi/validate.js: swagger-parser on the document, then ajv on every example against its own schema.</summary>
public static class OpenApiValidator
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> ValidateAsync(string documentJson)
    {
        var folder = Path.Combine(Repository.Root(), "tests", "openapi");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@apidevtools", "swagger-parser")))
            Assert.Fail("tests/openapi/node_modules is missing: run `npm ci --prefix tests/openapi` before the tests.");
        var file = Path.Combine(Path.GetTempPath(), $"healthcode-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documentJson);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(folder, "validate.js"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            }
            catch (Win32Exception e)
            {
                Assert.Fail($"Cannot run `node` ({e.Message}); Node.js is needed for the OpenAPI check.");
                throw;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await process.WaitForExitAsync(deadline.Token);
                return new Result(process.ExitCode, await stdout + await stderr);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
