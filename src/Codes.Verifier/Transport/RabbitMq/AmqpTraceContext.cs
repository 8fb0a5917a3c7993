using System.Diagnostics;
using HealthCode.Verifier.Ingestion;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// W3C trace context across the AMQP hop (activity source "HealthCode.StatusEvents"): our publisher writes
/// <c>traceparent</c> (and <c>tracestate</c>) into the message headers under a producer span, and the consumer starts
/// its process span as that span's child, so an event posted over HTTP is one trace through consume and store. A
/// regional system that sends its own <c>traceparent</c> gets the same. Spans carry the exchange or queue, the routing
/// key (a region id) and the outcome: never a header value from the body.
/// </summary>
public static class AmqpTraceContext
{
    public const string SourceName = "HealthCode.StatusEvents";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly DistributedContextPropagator Propagator = DistributedContextPropagator.CreateW3CPropagator();

    /// <summary>Starts the producer span (null when nobody listens) and writes the current context into <paramref name="headers"/>.</summary>
    public static Activity? StartPublish(IDictionary<string, object?> headers, string exchange, string routingKey)
    {
        var activity = Source.StartActivity(exchange + " publish", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "rabbitmq")
            .SetTag("messaging.operation.type", "send")
            .SetTag("messaging.destination.name", exchange)
            .SetTag("messaging.rabbitmq.destination.routing_key", routingKey);
        // Without a listener the caller's context (the HTTP request's) still travels, so a later hop can join it.
        Propagator.Inject(activity ?? Activity.Current, headers,
            static (carrier, name, value) => ((IDictionary<string, object?>)carrier!)[name] = value);
        return activity;
    }

    /// <summary>Starts the consumer span as the child of the context in the delivery's headers (a new trace without one).</summary>
    public static Activity? StartProcess(IReadOnlyBasicProperties properties, string queue, string routingKey)
    {
        if (!Source.HasListeners()) return null;
        Propagator.ExtractTraceIdAndState(properties.Headers, static (carrier, name, out value, out values) =>
        {
            values = null;
            value = AmqpHeaderValues.GetString((IDictionary<string, object?>?)carrier, name);
        }, out var traceParent, out var traceState);
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        return Source.StartActivity(queue + " process", ActivityKind.Consumer, parent)
            ?.SetTag("messaging.system", "rabbitmq")
            .SetTag("messaging.operation.type", "process")
            .SetTag("messaging.destination.name", queue)
            .SetTag("messaging.rabbitmq.destination.routing_key", routingKey);
    }

    /// <summary>The consume outcome on the span: applied, superseded, rejected (with its reason code) or handed back.</summary>
    public static void RecordOutcome(Activity? activity, DeliveryOutcome outcome)
    {
        if (activity is null) return;
        activity.SetTag("hc.ingestion.outcome", outcome.Result?.Status.ToString().ToLowerInvariant() ?? "handed-back");
        if (outcome.Result is { Status: ConsumeStatus.Rejected, ReasonCode: { } reason })
        {
            activity.SetTag("hc.ingestion.reason", reason);
            activity.SetStatus(ActivityStatusCode.Error, reason);
        }
    }
}
