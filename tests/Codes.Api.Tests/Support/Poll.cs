namespace HealthCode.Api.Tests.Support;

/// <summary>Polls until a condition holds or the deadline passes (the in-process bus applies events asynchronously).</summary>
public static class Poll
{
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
