using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace HealthCode.Api.Tests.Startup;

/// <summary>
/// Codes.Api started as an operator would start it: a separate process, configured only through environment
/// variables, on a loopback port. Keeps stdout and stderr apart, so a test can tell the one error line from the log.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public IReadOnlyList<string> StandardOutput => _stdout.ToArray();
    public IReadOnlyList<string> StandardError => _stderr.ToArray();

    /// <param name="environment">ASPNETCORE_ENVIRONMENT and configuration as environment variables (__ for :).</param>
    /// <param name="port">Listen here (default: a free one).</param>
    public static ApiProcess Start(string environment, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var dll = ServiceProcess.FindDll();
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in settings) info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var api = new ApiProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) api._stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) api._stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    /// <summary>The exit code once the process ended (and its output was read), or null if it still ran at the deadline.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Whether /health/live answered 200 before the deadline (false as soon as the process exits).</summary>
    public async Task<bool> WaitLiveAsync(TimeSpan deadline)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        return await Poll.Until(async () =>
        {
            if (_process.HasExited) return true;
            try { return (await client.GetAsync("/health/live")).IsSuccessStatusCode; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
        }, deadline, TimeSpan.FromMilliseconds(100)) && !_process.HasExited;
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public string Output() => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
