using System.Net;
using System.Net.Sockets;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport.RabbitMq;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthCode.Verifier.Tests.Amqp;

[Category("Amqp")]
public sealed class BrokerUnavailableTests
{
    [Test]
    public async Task Unreachable_broker_does_not_stop_the_host_and_ingestion_reports_not_ready()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var regions = IngestionHost.Regions;
        builder.Services.AddSingleton<IRegionCatalog>(regions);
        builder.Services.AddSingleton<INormalizer>(new Normalizer());
        builder.Services.AddSingleton<IStatusStore>(new InMemoryStatusStore(TimeProvider.System));
        builder.Services.AddSingleton(HolderKeys.FromSecret(IngestionHost.HolderSecret));
        builder.Services.AddVerifierOptions().AddRegionSignatureTrust(builder.Configuration).AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StatusEventConsumer>(sp));
        builder.Services.AddRabbitMqStatusTransport(new RabbitMqTransportOptions
        {
            ConnectionString = $"amqp://guest:guest@127.0.0.1:{ClosedPort()}/",
            WaitForBusAtStartup = false,
        });
        builder.Services.AddRegionalFeedback();
        using var host = builder.Build();

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var ready = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        Assert.That(ready.Entries[IngestionConnectionHealthCheck.Name].Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(ready.Entries.Keys, Does.Contain("masstransit-bus"));
        Assert.That(host.Services.GetRequiredService<StatusIngestionService>().Consuming.IsCompleted, Is.False, "still retrying");
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
