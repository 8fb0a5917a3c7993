using System.Reflection;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>
/// A real Redis connection on which every evaluation of one script fails as a lost connection would, before reaching
/// the server; everything else goes through. It stands for a writer that dies between two steps of a write.
/// </summary>
public class FailingScriptConnection : DispatchProxy
{
    private object _target = null!;
    private string _failing = null!;

    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer connection, string failingScript) =>
        Create<IConnectionMultiplexer>(connection, failingScript);

    private static T Create<T>(object target, string failingScript) where T : class
    {
        var proxy = Create<T, FailingScriptConnection>();
        var self = (FailingScriptConnection)(object)proxy;
        self._target = target;
        self._failing = failingScript;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IDatabaseAsync.ScriptEvaluateAsync) && args is [string script, ..] && script == _failing)
            return Task.FromException<RedisResult>(new RedisException("injected: the writer lost its connection"));
        var result = targetMethod.Invoke(_target, args);
        return targetMethod.Name == nameof(IConnectionMultiplexer.GetDatabase) ? Create<IDatabase>(result!, _failing) : result;
    }
}
