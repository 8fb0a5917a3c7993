using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Ingestion;

/// <summary>Until region keys are registered, every event is accepted (the HTTP path still checks the publisher's API key).</summary>
public sealed class AllowAllEventAuthenticator : IEventAuthenticator
{
    public static readonly AllowAllEventAuthenticator Instance = new();

    public ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, RegionProfile region, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthenticationResult.Allow);
}
