using System.Diagnostics;
using StackExchange.Redis;

namespace HealthCode.Verifier.Store;

/// <summary>
/// Every Redis call of the stores, bounded on the client side (the timeout holds whatever the client does) and with
/// any Redis, connection or timeout failure reported as <see cref="StoreUnavailableException"/>.
/// </summary>
internal static class RedisCalls
{
    public static Task<RedisResult> EvaluateAsync(IDatabase db, string script, RedisKey[] keys, RedisValue[] args, TimeSpan timeout, CancellationToken ct) =>
        Bounded(async () =>
        {
            try
            {
                return await db.ScriptEvaluateAsync(script, keys, args);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                // The async path can surface NOSCRIPT once after SCRIPT FLUSH or a restart instead of re-sending
                // the script; the retry goes out as EVAL and re-caches it.
                return await db.ScriptEvaluateAsync(script, keys, args);
            }
        }, timeout, ct);

    public static async Task<T> Bounded<T>(Func<Task<T>> call, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Task<T>? task = null;
        try
        {
            task = call();
            return await task.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Observe(task);
            throw;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            Observe(task);
            var elapsed = Stopwatch.GetElapsedTime(started);
            throw new StoreUnavailableException(
                $"Redis did not answer ({e.GetType().Name}) after {elapsed.TotalMilliseconds:F0} ms (limit {timeout.TotalMilliseconds:F0} ms).", e);
        }
    }

    // A call abandoned by WaitAsync may still fault later; observe it so it never surfaces as an unobserved exception.
    private static void Observe(Task? task) =>
        task?.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static bool IsUnavailable(Exception e) =>
        e is TimeoutException or RedisException or ObjectDisposedException
            or System.Net.Sockets.SocketException or IOException or InvalidOperationException;
}
