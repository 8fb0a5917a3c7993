using HealthCode.Api.Composition;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Cli.Tests.Support;

/// <summary>
/// The real API in its embedded mode (in-memory store, in-process bus, Development key), listening on a free local
/// port, as hc snapshot push meets a hub. (RunningMode only names the API's assembly: both assemblies have a Program.)
/// </summary>
public sealed class HubServer : IDisposable
{
    public const string Key = "dev-local-key";
    private readonly WebApplicationFactory<RunningMode> _factory;

    public HubServer()
    {
        _factory = new WebApplicationFactory<RunningMode>().WithWebHostBuilder(b => b.UseEnvironment("Development"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    public string Address { get; }

    public void Dispose() => _factory.Dispose();
}
