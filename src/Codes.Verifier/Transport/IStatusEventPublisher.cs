using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport;

/// <summary>
/// Hands a status event received over HTTP to the same bus regional systems publish to, so it reaches the store
/// through the same consumer. Returns only once the event is durably accepted (broker confirm in the real mode).
/// </summary>
public interface IStatusEventPublisher
{
    Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default);
}
