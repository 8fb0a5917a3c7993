using System.ComponentModel.DataAnnotations;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Configuration section <see cref="Section"/>: the ingestion consumer's prefetch and concurrency, for a host that binds
/// it (Codes.Api does). Unset values keep <see cref="RabbitMqTransportOptions"/>'s, so a host that builds its transport
/// options in code (the tests) is not overridden by defaults from here.
/// </summary>
public sealed class RabbitMqConsumerOptions : IValidatableObject
{
    public const string Section = "HealthCode:RabbitMq";

    [Range(1, 65535)]
    public int? PrefetchCount { get; set; }

    [Range(1, 1024)]
    public int? ConcurrentHandlers { get; set; }

    /// <summary>The transport's options with what this section sets.</summary>
    public RabbitMqTransportOptions ApplyTo(RabbitMqTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            PrefetchCount = (ushort)(PrefetchCount ?? options.PrefetchCount),
            ConcurrentHandlers = (ushort)(ConcurrentHandlers ?? options.ConcurrentHandlers),
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // More handlers than prefetched deliveries would never all have work: almost certainly a typo.
        var effective = ApplyTo(new RabbitMqTransportOptions());
        if (effective.ConcurrentHandlers > effective.PrefetchCount)
            yield return new ValidationResult(
                $"ConcurrentHandlers ({effective.ConcurrentHandlers}) must not exceed PrefetchCount ({effective.PrefetchCount}).",
                [nameof(ConcurrentHandlers), nameof(PrefetchCount)]);
    }
}
