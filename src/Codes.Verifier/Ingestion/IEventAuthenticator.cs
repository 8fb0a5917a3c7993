using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Decides whether an event may be trusted as coming from its region (DESIGN.md §8: where a region has a registered
/// public key, unsigned or wrongly signed events are refused). Called before the body is parsed.
/// </summary>
public interface IEventAuthenticator
{
    ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, RegionProfile region, CancellationToken cancellationToken);
}
