using System.Collections.Concurrent;
using System.Diagnostics;

namespace HealthCode.Api.Tests.Faults;

/// <summary>One checkpoint verify over HTTP against the real process: when it was asked, what came back.</summary>
public sealed record VerifyAnswer(TimeSpan Started, TimeSpan Finished, int Status, string? Decision, string[] Reasons, string? Error);

/// <summary>A checkpoint scanning codes back to back until stopped, recording every answer.</summary>
public sealed class VerifyProbe(HttpClient client, IReadOnlyList<string> codes, Stopwatch clock)
{
    private readonly ConcurrentQueue<VerifyAnswer> _answers = new();

    public IReadOnlyCollection<VerifyAnswer> Answers => _answers;

    public static async Task<VerifyAnswer> VerifyAsync(HttpClient client, string code, Stopwatch clock)
    {
        var started = clock.Elapsed;
        try
        {
            using var response = await client.PostAsync("/v1/verify", JsonContent.Create(new
            {
                code,
                checkpoint = new { region = StatusStream.Region, scene = "general", id = "fault-gate" },
            }));
            var status = (int)response.StatusCode;
            string? decision = null;
            string[] reasons = [];
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (body.TryGetProperty("decision", out var d)) decision = d.GetString();
                if (body.TryGetProperty("reasons", out var r)) reasons = r.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
            }
            return new VerifyAnswer(started, clock.Elapsed, status, decision, reasons, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new VerifyAnswer(started, clock.Elapsed, 0, null, [], e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Scans until <paramref name="ct"/> is cancelled (a few concurrent checkpoints).</summary>
    public Task RunAsync(int concurrency, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; !ct.IsCancellationRequested; i += concurrency)
            {
                _answers.Enqueue(await VerifyAsync(client, codes[i % codes.Count], clock));
                try { await Task.Delay(5, ct); } catch (OperationCanceledException) { break; }
            }
        }));

    public static string Summary(IEnumerable<VerifyAnswer> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{a.Status} {a.Decision ?? a.Error ?? "-"}{(a.Reasons.Length > 0 ? " [" + string.Join(',', a.Reasons) + "]" : "")}")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}"));
}
