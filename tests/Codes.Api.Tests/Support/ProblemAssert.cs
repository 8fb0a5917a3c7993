using System.Net;
using System.Text.Json;

namespace HealthCode.Api.Tests.Support;

/// <summary>Asserts a problem+json response and hands back its parsed body.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("https://healthcode.example.org/problems/" + type), text);
        Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return body;
    }

    public static IReadOnlyList<string> ErrorKeys(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
