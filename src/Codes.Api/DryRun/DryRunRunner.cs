using System.Text;
using HealthCode.Api.Endpoints;

namespace HealthCode.Api.DryRun;

/// <summary>
/// Runs a request that <see cref="DryRunRequestReader"/> accepted: prepares the profile once, then normalizes each
/// sample, checks its expected values, and asks verify where a checkpoint is given. A sample never fails the request.
/// </summary>
public sealed class DryRunRunner(DryRunEngine engine, TimeProvider time)
{
    public async Task<DryRunResponse> RunAsync(DryRunRequest request, CancellationToken cancellationToken)
    {
        var prepared = engine.Prepare(request.Region, request.Profile, out var profileErrors);
        if (prepared is null) return new DryRunResponse(profileErrors, [], [], new DryRunSummary(0, 0, 0, 0));

        var started = time.GetTimestamp();
        var results = new List<DryRunSampleResult>(request.Samples!.Count);
        foreach (var sample in request.Samples!)
        {
            results.Add(time.GetElapsedTime(started) > DryRunLimits.TimeBudget
                ? Failed(sample!.Name!, $"not run: the dry run spent its {DryRunLimits.TimeBudget.TotalSeconds:0} s budget (a draft pattern may be too slow)")
                : await RunSampleAsync(prepared, sample!, request.Fhir ?? false, cancellationToken));
        }

        var normalized = results.Count(r => r.Record is not null);
        return new DryRunResponse([], engine.ProfileWarnings(prepared), results,
            new DryRunSummary(results.Count, normalized, results.Count - normalized, results.Count(r => r.Mismatches.Count > 0)));
    }

    private async Task<DryRunSampleResult> RunSampleAsync(PreparedProfile prepared, DryRunSample sample, bool fhir, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(sample.Body!);
        if (body.Length > RawBody.MaxBytes) return Failed(sample.Name!, $"the payload is larger than {RawBody.MaxBytes} bytes");

        DateTimeOffset? at = SampleTime.TryParse(sample.At, out var parsed) ? parsed : null;
        var normalized = engine.Normalize(prepared, body, sample.ContentType, at);
        if (normalized.Record is not { } record)
            return new DryRunSampleResult(sample.Name!, null, normalized.Warnings, normalized.Errors, [], null, null);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var mismatches = Expectations.Compare(engine.RecordJson(record), sample.Expected);
        DryRunVerify? verify = null;
        if (sample.Checkpoint is { } checkpoint)
        {
            var attempt = await engine.VerifyAsync(prepared, record, checkpoint.Region, checkpoint.Scene, at ?? time.GetUtcNow(), cancellationToken);
            verify = attempt.Verify;
            if (attempt.Field is not null) errors[attempt.Field] = [attempt.Error!];
        }
        return new DryRunSampleResult(sample.Name!, record, normalized.Warnings, errors, mismatches,
            sample.Fhir ?? fhir ? DryRunEngine.Fhir(record) : null, verify);
    }

    private static DryRunSampleResult Failed(string name, string error) =>
        new(name, null, [], new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = [error] }, [], null, null);
}
