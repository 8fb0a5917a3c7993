using System.Security.Cryptography;
using System.Text;
using HealthCode.Verifier.Privacy;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Composition;

/// <summary>
/// The holder keys under HealthCode:HolderSecret. Required outside Development: holder keys must stay stable across
/// restarts and replicas. In Development without one, a random secret is generated (holder links then last only as
/// long as the process).
/// </summary>
public sealed class HolderSecret(IOptions<HolderSecretOptions> options, IHostEnvironment environment)
{
    public const string Key = HolderSecretOptions.Key;

    public bool Generated { get; } = string.IsNullOrEmpty(options.Value.HolderSecret);

    public HolderKeys Keys { get; } = string.IsNullOrEmpty(options.Value.HolderSecret)
        ? environment.IsDevelopment()
            ? new HolderKeys(RandomNumberGenerator.GetBytes(32))
            : throw new ConfigurationException(Key, "is required outside Development")
        : HolderKeys.FromSecret(options.Value.HolderSecret);

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddOptions<HolderSecretOptions>()
            .BindConfiguration(HolderSecretOptions.Section)
            .Validate<IHostEnvironment>((o, env) => env.IsDevelopment() || !string.IsNullOrEmpty(o.HolderSecret),
                $"{Key} is required outside Development (at least {HolderKeys.MinimumSecretBytes} bytes; e.g. environment variable HealthCode__HolderSecret)")
            .Validate(o => string.IsNullOrEmpty(o.HolderSecret) || Encoding.UTF8.GetByteCount(o.HolderSecret) >= HolderKeys.MinimumSecretBytes,
                $"{Key} must be at least {HolderKeys.MinimumSecretBytes} bytes")
            .ValidateOnStart();
        services.AddSingleton<HolderSecret>();
        services.AddSingleton(sp => sp.GetRequiredService<HolderSecret>().Keys);
        return services;
    }
}
