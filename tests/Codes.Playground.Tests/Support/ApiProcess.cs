using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HealthCode.Playground.Tests.Support;

/// <summary>
/// Codes.Api as its own process in the embedded default (Development, no configuration: dev-local-key, in-memory
/// store, seeded samples) on a free loopback port, so a real browser can reach it. Its output is kept for failures.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string DevelopmentKey = "dev-local-key";

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ApiProcess> StartAsync()
    {
        var dll = FindDll();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var api = new ApiProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitLiveAsync();
        return api;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentKey);
        return client;
    }

    public string Output() => string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }

    private async Task WaitLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var live = await Poll.Until(async () =>
        {
            try
            {
                return (await client.GetAsync("/health/live")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet
            }
        }, ok => ok || _process.HasExited, TimeSpan.FromSeconds(60));
        if (_process.HasExited) Assert.Fail($"Codes.Api exited with {_process.ExitCode} at start-up:\n{Output()}");
        if (!live) Assert.Fail($"Codes.Api did not answer /health/live within 60 s:\n{Output()}");
    }

    /// <summary>src/Codes.Api/bin/&lt;this build's configuration&gt;/net10.0/Codes.Api.dll: built first, as this project references it.</summary>
    private static string FindDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HealthCode.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException("HealthCode.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "src", "Codes.Api", "bin", configuration, "net10.0", "Codes.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Codes.Api.dll is not built", dll);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 300) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
