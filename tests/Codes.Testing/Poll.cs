namespace HealthCode.Testing;

/// <summary>Polls until a condition holds or the deadline passes (buses and consumers apply events asynchronously).</summary>
public static class Poll
{
    /// <summary>The first value that is done, or the last one read once the deadline (default 10 s) passed: the caller asserts on it.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Yield();
            await Task.Delay(20);
        }
    }
}
