using HealthCode.Api.Composition;

// A configuration error (a missing or bad setting, a data file that fails its schema, a port in use) ends start-up
// with one line on stderr and a sysexits code; after start-up, and for anything else, exceptions keep their traces.
var gate = new StartupLogGate();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHealthCode(gate);
    await using var app = builder.Build();
    app.UseHealthCode();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.OwnsProcess && !gate.IsOpen && StartupFailure.Describe(e) is { } failure)
{
    await Console.Error.WriteLineAsync(failure.Line);
    return failure.ExitCode;
}

public partial class Program;
