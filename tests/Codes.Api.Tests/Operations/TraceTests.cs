using System.Diagnostics;
using HealthCode.Api.Telemetry;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;

namespace HealthCode.Api.Tests.Operations;

/// <summary>
/// One trace from the HTTP publish through the AMQP hop to the store write: our publisher writes traceparent into the
/// AMQP headers and the consumer continues it (real mode: Redis and RabbitMQ; spans read with the in-memory exporter).
/// </summary>
[Category("Amqp")]
public sealed class TraceTests
{
    private static readonly Dictionary<string, string?> Traced = new() { ["HealthCode:Telemetry:Traces"] = "true" };

    [Test]
    public void Spans_are_recorded_only_when_exported_or_asked_for()
    {
        using var plain = new ApiFactory();
        using var asked = new ApiFactory(settings: Traced);
        using var exported = new ApiFactory(settings: new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointKey] = "http://127.0.0.1:9" });
        Assert.Multiple(() =>
        {
            Assert.That(plain.Services.GetService<TracerProvider>(), Is.Null, "no exporter: no tracer, so no span is made");
            Assert.That(asked.Services.GetService<TracerProvider>(), Is.Not.Null, "HealthCode:Telemetry:Traces=true");
            Assert.That(exported.Services.GetService<TracerProvider>(), Is.Not.Null, "OTEL_EXPORTER_OTLP_ENDPOINT set");
        });
    }

    [Test]
    public async Task An_event_published_over_HTTP_is_one_trace_through_consume_and_store()
    {
        var spans = new SpanLog();
        await using var api = await RealModeHost.StartAsync(settings: Traced, services: s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            // Redis spans are made when the instrumentation drains its profiling sessions (every 10 s by default).
            s.Configure<StackExchangeRedisInstrumentationOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(100));
        });
        using var request = Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), "7");
        using var response = await api.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;
        Assert.That(await api.Observed.WaitForAllAsync([messageId], TimeSpan.FromSeconds(30)), Is.Empty, "the event was consumed");

        var server = await FindAsync(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/v1/regions/{region}/status-events"));
        var trace = server.TraceId;
        var publish = await FindAsync(spans, s => s.TraceId == trace && s.Kind == ActivityKind.Producer && s.Source.Name == AmqpTraceContext.SourceName);
        var process = await FindAsync(spans, s => s.TraceId == trace && s.Kind == ActivityKind.Consumer && s.Source.Name == AmqpTraceContext.SourceName);
        var store = await FindAsync(spans, s => s.TraceId == trace && Equals(s.GetTagItem("db.system"), "redis") && s.ParentSpanId == process.SpanId);

        Assert.That(publish.ParentSpanId, Is.EqualTo(server.SpanId), "the publish is part of the HTTP request");
        Assert.That(process.ParentSpanId, Is.EqualTo(publish.SpanId), "the consumer continues the publisher's context from the AMQP headers");
        Assert.That(process.GetTagItem("hc.ingestion.outcome"), Is.EqualTo("applied"));
        Assert.That(process.GetTagItem("messaging.rabbitmq.destination.routing_key"), Is.EqualTo("110000"));
        TestContext.Out.WriteLine($"trace {trace}: {server.DisplayName} → {publish.DisplayName} → {process.DisplayName} → {store.DisplayName}");
    }

    [Test]
    public async Task A_regional_publisher_that_sends_traceparent_has_its_trace_continued()
    {
        var spans = new SpanLog();
        await using var api = await RealModeHost.StartAsync(settings: Traced, services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        var parent = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        await api.PublishAsync("110000", Fixtures.Read("110000/green.json"), 9, "application/json", "traced-1",
            (_, headers) => headers["traceparent"] = System.Text.Encoding.UTF8.GetBytes($"00-{parent}-{parentSpan}-01"));
        Assert.That(await api.Observed.WaitForAllAsync(["traced-1"], TimeSpan.FromSeconds(30)), Is.Empty);

        var process = await FindAsync(spans, s => s.Kind == ActivityKind.Consumer && s.Source.Name == AmqpTraceContext.SourceName && s.TraceId == parent);
        Assert.That(process.ParentSpanId, Is.EqualTo(parentSpan));
    }

    private static async Task<Activity> FindAsync(SpanLog spans, Func<Activity, bool> match)
    {
        var found = await Poll.Until(() => Task.FromResult(spans.Snapshot().FirstOrDefault(match)), s => s is not null, TimeSpan.FromSeconds(15));
        Assert.That(found, Is.Not.Null, "span not exported; spans seen: " + string.Join(", ", spans.Snapshot().Select(s => $"{s.Kind} {s.DisplayName} {s.TraceId}")));
        return found!;
    }
}
