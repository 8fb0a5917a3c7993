using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthCode.Translator.Tests.Support;

/// <summary>Builds variants of fixture payloads so each rule test changes one thing.</summary>
internal static class Payloads
{
    private static readonly JsonSerializerOptions Write = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string With(string region, string fixture, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Shared.Fixture(region, fixture))!.AsObject();
        change(node);
        return node.ToJsonString(Write);
    }
}
