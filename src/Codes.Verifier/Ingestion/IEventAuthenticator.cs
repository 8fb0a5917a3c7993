namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Decides whether an event may be trusted as coming from its region (DESIGN.md §8: where a region has a registered
/// public key, unsigned or wrongly signed events are refused; whether a region without keys may publish unsigned is
/// the implementation's explicit decision). Called with the headers already read, before the body is parsed.
/// </summary>
public interface IEventAuthenticator
{
    ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, EventEnvelope envelope, CancellationToken cancellationToken);
}
