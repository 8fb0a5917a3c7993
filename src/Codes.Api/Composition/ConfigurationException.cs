namespace HealthCode.Api.Composition;

/// <summary>
/// A setting that stops start-up. <see cref="Key"/> names what to fix; the message is one sentence that starts with it,
/// printed as the process's only line (<see cref="StartupFailure"/>).
/// </summary>
public sealed class ConfigurationException(string key, string problem) : Exception($"{key} {problem}")
{
    public string Key { get; } = key;
}
