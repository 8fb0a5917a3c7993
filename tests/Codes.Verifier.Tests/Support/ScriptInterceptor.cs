using System.Reflection;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>
/// A real Redis connection on which every evaluation of one script goes through <c>around</c>, which gets the call (not
/// yet sent) and decides what happens: fail it before it reaches the server (a writer losing its connection), or
/// send it and let something else happen before the caller sees the answer (another writer's step landing in between).
/// </summary>
public class ScriptInterceptor : DispatchProxy
{
    private object _target = null!;
    private string _script = null!;
    private Func<Func<Task<RedisResult>>, Task<RedisResult>> _around = null!;

    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer connection, string script, Func<Func<Task<RedisResult>>, Task<RedisResult>> around) =>
        Create<IConnectionMultiplexer>(connection, script, around);

    /// <summary>Every evaluation of <paramref name="script"/> fails as a lost connection would, unsent.</summary>
    public static IConnectionMultiplexer Failing(IConnectionMultiplexer connection, string script) =>
        Wrap(connection, script, _ => Task.FromException<RedisResult>(new RedisException("injected: the writer lost its connection")));

    private static T Create<T>(object target, string script, Func<Func<Task<RedisResult>>, Task<RedisResult>> around) where T : class
    {
        var proxy = Create<T, ScriptInterceptor>();
        var self = (ScriptInterceptor)(object)proxy;
        (self._target, self._script, self._around) = (target, script, around);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IDatabaseAsync.ScriptEvaluateAsync) && args is [string script, ..] && script == _script)
            return _around(() => (Task<RedisResult>)targetMethod.Invoke(_target, args)!);
        var result = targetMethod.Invoke(_target, args);
        return targetMethod.Name == nameof(IConnectionMultiplexer.GetDatabase) ? Create<IDatabase>(result!, _script, _around) : result;
    }
}
