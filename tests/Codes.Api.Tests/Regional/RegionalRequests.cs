namespace HealthCode.Api.Tests.Regional;

/// <summary>Requests a regional system sends besides a plain publish.</summary>
public static class RegionalRequests
{
    public const string BadBeijing =
        """{"mz":"BJ-0BDB1C59860B07E52C25","xm":"王芳","zjlx":"居民身份证","zjhm":"110105196810098194","zt":"弹窗","gxsj":"2022-07-02T09:39:00+08:00"}""";

    public static HttpRequestMessage Publish(string region, HttpContent body, long sequence, string? messageId = null, int? wait = null, string? kind = null)
    {
        var request = Requests.StatusEvent(region, body, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), kind);
        if (wait is not null) request.RequestUri = new Uri($"{request.RequestUri}?wait={wait}", UriKind.Relative);
        if (messageId is not null) request.Headers.Add("X-HC-Message-Id", messageId);
        return request;
    }

    public static HttpRequestMessage Heartbeat(string region, long sequence, int? wait = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/regions/{region}/heartbeat{(wait is null ? "" : $"?wait={wait}")}");
        request.Headers.Add("X-HC-Sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? State(JsonElement outcome) => outcome.GetProperty("state").GetString();
}
