namespace HealthCode.Testing;

/// <summary>
/// Polls until a condition holds or the deadline passes (buses and consumers apply events asynchronously). The one
/// place tests wait: everything else asks Poll with a deadline instead of sleeping.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>The first value that is done, or the last one read once the deadline (default 10 s) passed: the caller asserts on it.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? deadline = null, TimeSpan? interval = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(interval ?? Interval);
        }
    }

    /// <summary>Whether <paramref name="condition"/> became true before the deadline.</summary>
    public static Task<bool> Until(Func<bool> condition, TimeSpan? deadline = null, TimeSpan? interval = null) =>
        Until(() => Task.FromResult(condition()), done => done, deadline, interval);

    /// <summary>Whether <paramref name="condition"/> became true before the deadline.</summary>
    public static Task<bool> Until(Func<Task<bool>> condition, TimeSpan? deadline = null, TimeSpan? interval = null) =>
        Until(condition, done => done, deadline, interval);
}
