using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthCode.Api.Tests.Support;

/// <summary>
/// Records every log entry at every level: the formatted message, each structured state value (including the
/// original template), the scope values and the full exception text. Privacy scans search all of it.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    /// <summary>Adds the capture to a host's logging with the minimum level lowered to Trace.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter<LogCapture>(null, LogLevel.Trace);
            logging.AddProvider(this);
        });

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs) values.Add($"{key}={Render(value)}");
            else if (state is not null) values.Add(state.ToString() ?? "");
            owner._scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                    foreach (var (key, value) in scopePairs) list.Add($"scope:{key}={Render(value)}");
                else if (scope is not null) list.Add("scope:" + scope);
            }, values);
            owner._entries.Enqueue(new CapturedLog(logLevel, category, eventId, formatter(state, exception), values, exception?.ToString()));
        }

        private static string Render(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable e and not string => string.Join(",", e.Cast<object?>().Select(o => o?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message, IReadOnlyList<string> StateValues, string? Exception)
{
    /// <summary>Everything searchable in one string: message, structured values, exception text.</summary>
    public string AllText => string.Join("\n", [Category, Message, .. StateValues, Exception ?? ""]);
}
