using HealthCode.Verifier.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Api.Health;

/// <summary>Ready only when the status store answers a ping within the deadline.</summary>
public sealed class StatusStoreHealthCheck(IStatusStore store) : IHealthCheck
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken).WaitAsync(Deadline, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The status store did not answer: " + e.GetType().Name);
        }
    }
}
