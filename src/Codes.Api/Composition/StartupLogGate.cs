namespace HealthCode.Api.Composition;

/// <summary>
/// Until the host has started, the generic host's own error log (category <see cref="HostCategory"/>, which writes
/// "Hosting failed to start" with a stack trace) is held back: a start-up failure is reported once, as the one line of
/// <see cref="StartupFailure"/>, or rethrown with its stack trace when it is a bug. Once started, the category logs
/// from Warning up as usual (background service faults, for instance).
/// </summary>
public sealed class StartupLogGate
{
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private volatile bool _open;

    public void Open() => _open = true;

    public void AddTo(ILoggingBuilder logging)
    {
        logging.AddFilter(HostCategory, level => level >= LogLevel.Warning && (_open || level < LogLevel.Error));
        logging.Services.AddSingleton(this);
        logging.Services.AddHostedService<StartupLogGateOpener>();
    }
}
