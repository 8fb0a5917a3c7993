using HealthCode.Api.Composition;

// A configuration error (a missing or bad setting, a data file that fails its checks, a port in use) ends start-up
// with one line on stderr and a sysexits code; after start-up, and for anything else, exceptions keep their traces.
var gate = new StartupLogGate();
WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHealthCode(gate);
    app = builder.Build();
    app.UseHealthCode();
    await app.StartAsync();
}
catch (Exception e) when (StartupFailure.OwnsProcess && StartupFailure.Describe(e) is { } failure)
{
    if (app is not null) await app.DisposeAsync();
    await Console.Error.WriteLineAsync(failure.Line);
    return failure.ExitCode;
}

// A test host that runs Program owns the app from here on (and disposes it), also when starting failed above.
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

public partial class Program;
