using System.Text.Json.Nodes;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Tests.Support;

/// <summary>A small made-up region (Hainan test code) that every draft test changes in one place.</summary>
internal static class Drafts
{
    public const string MadeUpRegion = """
        {
          "id": "460000",
          "name": "Hainan test code",
          "format": "json",
          "codePattern": "^HN[0-9]{8}$",
          "maxStatusAge": "PT6H",
          "timeZone": "Asia/Shanghai",
          "labels": { "green": "绿码", "yellow": "黄码", "red": "红码", "unknown": "未知" },
          "fields": [
            { "path": "c", "type": "string", "required": true, "to": "code.value" },
            { "path": "s", "type": "string", "required": true, "to": "code.nativeLevel", "map": {
                "G": { "code.level": "green" }, "Y": { "code.level": "yellow" }, "R": { "code.level": "red" } } },
            { "path": "who/n", "type": "string", "required": true, "to": "person.name" },
            { "path": "who/p", "type": "string", "required": true, "to": "person.document.number" },
            { "path": "t", "type": "string", "required": true, "to": "code.statusAt", "time": "dd.MM.yyyy HH:mm" }
          ],
          "constants": { "person.document.type": "passport" },
          "validity": { "after": "PT6H" }
        }
        """;

    public const string Payload = """{"c":"HN12345678","s":"Y","who":{"n":"Li Lei","p":"e 1234 567"},"t":"01.03.2022 09:30"}""";

    public static JsonObject Node() => JsonNode.Parse(MadeUpRegion)!.AsObject();

    public static JsonObject Field(JsonObject draft, int index) => draft["fields"]![index]!.AsObject();

    /// <summary>The made-up region with one change applied.</summary>
    public static ProfileDraftResult With(Action<JsonObject> change)
    {
        var draft = Node();
        change(draft);
        return ProfileDraft.Compile(draft.ToJsonString());
    }

    public static IEnumerable<string> Paths(this ProfileDraftResult result) => result.Errors.Select(e => e.Path);
}
