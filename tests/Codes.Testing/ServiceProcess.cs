using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace HealthCode.Testing;

/// <summary>
/// Codes.Api as a real, separate process in the real mode (Production, Redis + RabbitMQ), on a loopback port with the
/// servers and key prefix of its <see cref="ServiceSettings"/>. <see cref="KillAsync"/> is SIGKILL of the whole tree;
/// <see cref="StartAsync()"/> starts it again with the same settings. The last lines of its output are kept for
/// failure messages. Test projects that start it reference Codes.Api, so the build they run is the one started.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string CheckpointKey = "fault-checkpoint-key-0123456789";
    public const string PublisherKey = "fault-publisher-310000-key-0123";
    public const string HolderSecret = "fault-tests-holder-secret-0123456789abcdef";

    private static readonly TimeSpan LiveDeadline = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private ServiceProcess(string dll, ServiceSettings settings)
    {
        Dll = dll;
        Settings = settings;
    }

    public string Dll { get; }
    public ServiceSettings Settings { get; }
    public string KeyPrefix => Settings.KeyPrefix;
    public Uri BaseAddress { get; private set; } = null!;
    public int Starts { get; private set; }

    public static async Task<ServiceProcess> StartAsync(ServiceSettings settings)
    {
        var service = new ServiceProcess(FindDll(), settings);
        try
        {
            await service.StartAsync();
            return service;
        }
        catch (Exception)
        {
            // A process that started but never answered must not outlive the failed test.
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// src/Codes.Api/bin/&lt;Configuration of this test build&gt;/net10.0/Codes.Api.dll (built alongside: this project
    /// references Codes.Api), else the copy in the test output.
    /// </summary>
    public static string FindDll()
    {
        var root = Repository.Root();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(root, "src", "Codes.Api", "bin", configuration, "net10.0", "Codes.Api.dll"),
            Path.Combine(AppContext.BaseDirectory, "Codes.Api.dll"),
        };
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException("Codes.Api.dll is not built: " + string.Join(", ", candidates));
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("already running");
        var port = Settings.Port ?? FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [Dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__Redis"] = Settings.Redis;
        env["ConnectionStrings__RabbitMq"] = Settings.RabbitMq;
        env["HealthCode__HolderSecret"] = HolderSecret;
        env["HealthCode__Redis__KeyPrefix"] = KeyPrefix;
        env["HealthCode__SeedSamples"] = "false";
        env["HealthCode__RateLimit__PermitsPerSecond"] = "100000";
        env["Auth__ApiKeys__gate__Key"] = CheckpointKey;
        env["Auth__ApiKeys__gate__Roles__0"] = "checkpoint";
        env["Auth__ApiKeys__shanghai__Key"] = PublisherKey;
        env["Auth__ApiKeys__shanghai__Roles__0"] = "publisher:310000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__HealthCode"] = "Information";
        // One line per request would push the lines the tests count (reconnects, requeues) out of the kept output.
        env["Logging__LogLevel__HealthCode.Api.Requests"] = "Warning";
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in Settings.Environment ?? new Dictionary<string, string>()) env[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        // Generous: a start on two cores shared with a broker cluster and builds can take half a minute.
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var live = await Poll.Until(async () => process.HasExited || await StatusAsync(client, "/health/live") == HttpStatusCode.OK,
            LiveDeadline, TimeSpan.FromMilliseconds(100));
        if (process.HasExited) Assert.Fail($"Codes.Api exited with {process.ExitCode} at start-up:\n{Output()}");
        if (!live) Assert.Fail($"Codes.Api did not answer /health/live within {LiveDeadline.TotalSeconds} s:\n{Output()}");
    }

    /// <summary>Polls /health/ready (Redis reachable and the ingestion consumer attached) until 200 or the deadline.</summary>
    public async Task WaitReadyAsync(TimeSpan deadline)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var last = await Poll.Until(() => StatusAsync(client, "/health/ready"), s => s == HttpStatusCode.OK, deadline, TimeSpan.FromMilliseconds(100));
        if (last != HttpStatusCode.OK) Assert.Fail($"Codes.Api not ready within {deadline.TotalSeconds} s (last {last}):\n{Output()}");
    }

    /// <summary>The status of a GET, or null while nothing answers.</summary>
    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>kill -9 of the process tree, then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
        _process = null;
    }

    public string Output() => string.Join('\n', _output);

    /// <summary>Lines of the service's output containing <paramref name="text"/>.</summary>
    public int CountOutput(string text) => _output.Count(l => l.Contains(text, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => new(KillAsync());

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
