using System.Net.Security;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.Notifications;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Transport.RabbitMq;

public static class RabbitMqTransportExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Real mode: raw native payloads from the hc.status exchange feeding the same <c>StatusEventConsumer</c>.</summary>
    public static IServiceCollection AddRabbitMqStatusTransport(this IServiceCollection services, string connectionString) =>
        services.AddRabbitMqStatusTransport(new RabbitMqTransportOptions { ConnectionString = connectionString });

    /// <summary>
    /// Registers the ingestion consumer (hosted) feeding the <see cref="IngestionPipeline"/>, the confirming
    /// <see cref="IStatusEventPublisher"/>, MassTransit for the service's own integration events, and "ready" health checks
    /// for both. The host registers <c>StatusEventConsumer</c> and what it needs, and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddRabbitMqStatusTransport(this IServiceCollection services, RabbitMqTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        // The host validated it at start (RunningMode); a library caller with a bad string learns here, not at first connect.
        var address = AmqpAddress.Parse(options.ConnectionString);

        services.TryAddSingleton(TimeProvider.System);
        // A host that binds RabbitMqConsumerOptions (HealthCode:RabbitMq) tunes the consumer; otherwise these options stand.
        services.AddSingleton(sp => sp.GetService<IOptions<RabbitMqConsumerOptions>>()?.Value.ApplyTo(options) ?? options);
        services.AddSingleton(sp => new TransportMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        // Consuming and publishing on separate connections: a publisher blocked by broker flow control must not
        // stall acks, and vice versa.
        services.AddKeyedSingleton(Connections.Ingest, (sp, _) =>
            new AmqpConnectionSource(options, address, "healthcode-ingest", sp.GetRequiredService<ILoggerFactory>().CreateLogger<AmqpConnectionSource>()));
        services.AddKeyedSingleton(Connections.Publish, (sp, _) =>
            new AmqpConnectionSource(options, address, "healthcode-publish", sp.GetRequiredService<ILoggerFactory>().CreateLogger<AmqpConnectionSource>()));
        services.AddKeyedSingleton(Connections.Ingest, (sp, key) =>
            new ConfirmedPublisher(sp.GetRequiredKeyedService<AmqpConnectionSource>(key), options.PublishTimeout));
        services.AddKeyedSingleton(Connections.Publish, (sp, key) =>
            new ConfirmedPublisher(sp.GetRequiredKeyedService<AmqpConnectionSource>(key), options.PublishTimeout));

        services.TryAddSingleton<IngestionPipeline>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StatusDeliveryHandler>(sp,
            sp.GetRequiredKeyedService<ConfirmedPublisher>(Connections.Ingest)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StatusIngestionService>(sp,
            sp.GetRequiredKeyedService<AmqpConnectionSource>(Connections.Ingest)));
        services.AddHostedService(sp => sp.GetRequiredService<StatusIngestionService>());
        services.AddSingleton<IStatusEventPublisher>(sp => ActivatorUtilities.CreateInstance<RabbitMqStatusEventPublisher>(sp,
            sp.GetRequiredKeyedService<ConfirmedPublisher>(Connections.Publish)));

        services.AddSingleton<IStatusEventObserver, IntegrationEventObserver>();
        services.AddMassTransit(x =>
        {
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "masstransit-bus";
                h.Tags.Add(ReadyTag);
            });
            // Any receive endpoint added later gets a quorum queue. No replication factor: a queue gets a member on
            // every node of a cluster (or the one node), as the ingest queues do.
            x.AddConfigureEndpointsCallback((_, cfg) =>
            {
                if (cfg is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Endpoints[0].Host, (ushort)address.Endpoints[0].Port, address.VirtualHost, h => ConfigureHost(h, address));
                cfg.ConfigureEndpoints(context);
            });
        });
        // Publishes made before the bus is up would be lost silently (engineering notes §1.13).
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = options.WaitForBusAtStartup);

        services.AddHealthChecks().AddCheck<IngestionConnectionHealthCheck>(IngestionConnectionHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    private static void ConfigureHost(IRabbitMqHostConfigurator h, AmqpAddress address)
    {
        h.Username(address.UserName);
        h.Password(address.Password);
        if (address.Tls)
        {
            h.UseSsl(s =>
            {
                // As RabbitMQ.Client takes an amqps:// URI (AmqpAddress.TcpEndpoints): the node's name is checked
                // loosely, its certificate chain is not. MassTransit would otherwise accept chain errors too.
                s.ServerName = address.Endpoints[0].Host;
                s.AllowPolicyErrors(SslPolicyErrors.RemoteCertificateNameMismatch);
                s.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors);
            });
        }
        // With cluster nodes configured MassTransit connects only to them (one at a time, the next one on each
        // reconnect) and the host above merely names the bus: so every node is listed, the first one included.
        if (address.IsCluster)
            h.UseCluster(c =>
            {
                foreach (var node in address.Endpoints) c.Node(node.ToString());
            });
    }

    private static class Connections
    {
        public const string Ingest = "hc-ingest";
        public const string Publish = "hc-publish";
    }
}
