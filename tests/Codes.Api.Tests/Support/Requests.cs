namespace HealthCode.Api.Tests.Support;

public static class Requests
{
    public static HttpContent Verify(string code, string region = "110105", string scene = "general", string? issuer = null) =>
        JsonContent.Create(new { code, checkpoint = new { region, scene, id = "gate-1" }, issuer });

    public static HttpRequestMessage StatusEvent(string region, HttpContent body, string? sequence, string? kind = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/regions/{region}/status-events") { Content = body };
        if (sequence is not null) request.Headers.Add("X-HC-Sequence", sequence);
        if (kind is not null) request.Headers.Add("X-HC-Kind", kind);
        return request;
    }
}
