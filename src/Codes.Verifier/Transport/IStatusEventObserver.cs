using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport;

/// <summary>Told of every consumed event after the store decided (both transports call every registered observer).</summary>
public interface IStatusEventObserver
{
    Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default);
}
