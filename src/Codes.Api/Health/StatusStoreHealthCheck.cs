using System.Globalization;
using HealthCode.Api.Composition;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Api.Health;

/// <summary>Ready only when the status store answers a ping within the deadline; the description says which store and how fast.</summary>
public sealed class StatusStoreHealthCheck(IStatusStore store, RunningMode mode, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var kind = mode.Embedded ? "In-memory status store" : "Redis status store";
        var started = time.GetTimestamp();
        try
        {
            await store.PingAsync(cancellationToken).WaitAsync(Deadline, cancellationToken);
            var ms = time.GetElapsedTime(started).TotalMilliseconds;
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{kind} answered a ping in {ms:0.#} ms."));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: a connection error message may name hosts and credentials' users.
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"{kind} did not answer a ping within {Deadline.TotalSeconds:0} s ({e.GetType().Name}).");
        }
    }
}
