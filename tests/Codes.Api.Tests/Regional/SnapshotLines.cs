using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthCode.Api.Tests.Regional;

/// <summary>Snapshot lines as a region writes them: {"sequence", "payload": "&lt;native payload&gt;"}.</summary>
public static class SnapshotLines
{
    public static string Line(long sequence, string payload) => JsonSerializer.Serialize(new { sequence, payload });

    public static string BeijingCode(int n) => "BJ-" + n.ToString("X20", CultureInfo.InvariantCulture);

    /// <summary>The Beijing green sample under another code, its status time now.</summary>
    public static string Beijing(string code, DateTimeOffset now)
    {
        var payload = JsonNode.Parse(Fixtures.Read("110000/green.json"))!.AsObject();
        payload["mz"] = code;
        payload["gxsj"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return payload.ToJsonString();
    }

    public static string ShanghaiCode(int n) => "SH" + (700_000_000_000_000_000L + n).ToString("D18", CultureInfo.InvariantCulture);

    /// <summary>A Shanghai payload of its own holder (a valid resident id per n), green, status time now.</summary>
    public static string Shanghai(int n, DateTimeOffset now) =>
        $$$"""{"codeId":"{{{ShanghaiCode(n)}}}","color":0,"holder":{"name":"周杰","idType":1,"idNo":"{{{ResidentId(n)}}}"},"updatedAt":"{{{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","nat":{"result":"NEGATIVE"}}""";

    public static string ResidentId(int n) => ResidentIdNumbers.Make(n);

    public static byte[] Bytes(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
