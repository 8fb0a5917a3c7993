using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace HealthCode.Testing;

/// <summary>
/// A checkpoint scanning codes back to back until stopped, recording every answer. The checkpoint stands in
/// <paramref name="region"/> (scene general); <paramref name="pause"/> spaces one checkpoint's scans (default 5 ms).
/// </summary>
public sealed class VerifyProbe(HttpClient client, IReadOnlyList<string> codes, Stopwatch clock, string region = "310000",
    string instance = "", TimeSpan? pause = null)
{
    private readonly ConcurrentQueue<VerifyAnswer> _answers = new();

    public IReadOnlyCollection<VerifyAnswer> Answers => _answers;

    public static async Task<VerifyAnswer> VerifyAsync(HttpClient client, string code, Stopwatch clock, string region = "310000", string instance = "")
    {
        var started = clock.Elapsed;
        try
        {
            using var response = await client.PostAsync("/v1/verify", JsonContent.Create(new
            {
                code,
                checkpoint = new { region, scene = "general", id = "fault-gate" },
            }));
            var status = (int)response.StatusCode;
            string? decision = null;
            string[] reasons = [];
            long? sequence = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (body.TryGetProperty("decision", out var d)) decision = d.GetString();
                if (body.TryGetProperty("reasons", out var r)) reasons = r.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
                if (body.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object) sequence = s.GetProperty("sequence").GetInt64();
            }
            return new VerifyAnswer(instance, code, started, clock.Elapsed, status, decision, reasons, sequence, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new VerifyAnswer(instance, code, started, clock.Elapsed, 0, null, [], null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Scans until <paramref name="ct"/> is cancelled (a few concurrent checkpoints).</summary>
    public Task RunAsync(int concurrency, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; !ct.IsCancellationRequested; i += concurrency)
            {
                _answers.Enqueue(await VerifyAsync(client, codes[i % codes.Count], clock, region, instance));
                try { await Task.Delay(pause ?? TimeSpan.FromMilliseconds(5), ct); } catch (OperationCanceledException) { break; }
            }
        }));

    public static string Summary(IEnumerable<VerifyAnswer> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{a.Status} {a.Decision ?? a.Error ?? "-"}{(a.Reasons.Length > 0 ? " [" + string.Join(',', a.Reasons) + "]" : "")}")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}"));
}
