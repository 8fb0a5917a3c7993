using HealthCode.Api.Auth;
using HealthCode.Api.Benchmark;
using HealthCode.Api.Composition;
using HealthCode.Api.Contracts;
using HealthCode.Api.Endpoints;
using HealthCode.Api.RateLimiting;
using HealthCode.Verifier.Regional;

var builder = WebApplication.CreateBuilder(args);
// Native payloads are at most 64 KiB; Kestrel refuses larger bodies before any endpoint reads them.
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RawBody.MaxBytes);

var mode = RunningMode.From(builder.Configuration);
builder.Services
    .AddHealthCodeJson()
    .AddHealthCodeProblems()
    .AddHealthCodeCore(builder.Configuration, builder.Environment)
    .AddStatusInfrastructure(mode, builder.Configuration)
    .AddRegionalFeedback()
    .AddApiKeyAuth()
    .AddApiKeyRateLimiting(builder.Configuration)
    .AddHealthCodeOpenApi()
    .AddHostedService<StartupReport>();

var app = builder.Build();
app.UseHealthCodePipeline();
app.MapHealthCodeEndpoints();
app.MapBenchmarkEndpoints();
app.Run();

public partial class Program;
