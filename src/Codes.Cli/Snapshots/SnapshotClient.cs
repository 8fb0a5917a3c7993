using System.Net.Http.Headers;
using System.Text.Json;
using HealthCode.Verifier.Regional.Snapshots;

namespace HealthCode.Cli.Snapshots;

/// <summary>The two calls of a snapshot push: POST the NDJSON (streamed from the file), then GET its status.</summary>
public sealed class SnapshotClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PushAnswer> PushAsync(string region, bool prune, Stream body, CancellationToken ct)
    {
        using var content = new StreamContent(body, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await http.PostAsync($"v1/regions/{region}/snapshots{(prune ? "?prune=revoke" : "")}", content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode != 202) return new PushAnswer((int)response.StatusCode, null, null, ProblemText(text));
        var location = response.Headers.Location is { } l ? new Uri(http.BaseAddress!, l) : null;
        return new PushAnswer(202, JsonSerializer.Deserialize<SnapshotStatus>(text, Json), location, null);
    }

    public async Task<SnapshotStatus> StatusAsync(Uri location, CancellationToken ct)
    {
        using var response = await http.GetAsync(location, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {ProblemText(text)}", null, response.StatusCode);
        return JsonSerializer.Deserialize<SnapshotStatus>(text, Json) ?? throw new HttpRequestException("empty snapshot status");
    }

    // "title: detail" of a problem+json answer, or the start of whatever else came back.
    private static string ProblemText(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
