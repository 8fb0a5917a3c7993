namespace HealthCode.Cli.Engine;

/// <summary>Bad input from the user (a missing file, an unknown region, an invalid profile or policy folder): one line, exit 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
