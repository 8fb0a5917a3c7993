using System.Security.Cryptography;
using HealthCode.Verifier.Privacy;

namespace HealthCode.Api.Composition;

/// <summary>
/// HealthCode:HolderSecret. Required outside Development: holder keys must stay stable across restarts and replicas.
/// In Development a random one is generated (holder links then last only as long as the process).
/// </summary>
public sealed record HolderSecret(HolderKeys Keys, bool Generated)
{
    public const string Key = "HealthCode:HolderSecret";

    public static HolderSecret Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Key];
        if (!string.IsNullOrEmpty(configured))
        {
            try
            {
                return new HolderSecret(HolderKeys.FromSecret(configured), Generated: false);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{Key} is too short: {e.Message}", e);
            }
        }

        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{Key} is required outside Development (at least {HolderKeys.MinimumSecretBytes} bytes; e.g. environment variable HealthCode__HolderSecret).");
        return new HolderSecret(new HolderKeys(RandomNumberGenerator.GetBytes(32)), Generated: true);
    }
}
