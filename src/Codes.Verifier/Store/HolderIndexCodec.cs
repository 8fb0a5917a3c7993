using System.Globalization;
using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Store;

/// <summary>
/// A holder's entry in the index: "member,sequence,level,statusAt,validUntil,expiresAt;…" per code (times in Unix
/// seconds written in base 36, which Lua's tonumber reads; validUntil empty when open). It carries what deciding on another code of the holder needs — level,
/// status time, validity — so verify reads it in one HGET instead of one read per code on other cluster nodes.
/// The Link script keeps it: the sequence orders updates per code, expiresAt drops codes whose status expired.
/// </summary>
internal static class HolderIndexCodec
{
    /// <summary>The part after "member,sequence," that the Link script stores as given.</summary>
    public static string Summary(StatusEntry entry, string expiresAt) =>
        string.Join(',',
            ((int)entry.Level).ToString(CultureInfo.InvariantCulture),
            Base36(entry.StatusAt.ToUnixTimeSeconds()),
            entry.ValidUntil is { } until ? Base36(until.ToUnixTimeSeconds()) : "",
            expiresAt);

    /// <summary>The holder's other codes, live at <paramref name="now"/>, at most <paramref name="limit"/>.</summary>
    public static List<StatusEntry> Others(string? value, string holderKey, string ownMember, DateTimeOffset now, int limit)
    {
        var others = new List<StatusEntry>();
        if (string.IsNullOrEmpty(value)) return others;
        var nowSeconds = now.ToUnixTimeSeconds();
        foreach (var item in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (others.Count >= limit) break;
            var parts = item.Split(',');
            if (parts.Length != 6 || parts[0] == ownMember) continue;
            if (!TryBase36(parts[5], out var expires) || expires <= nowSeconds) continue;
            var colon = parts[0].IndexOf(':');
            if (colon <= 0
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                || !TryBase36(parts[3], out var statusAt))
            {
                continue;
            }
            // An entry this build cannot read restricts (fail closed): its level counts as unknown, the most restrictive.
            var riskLevel = Enum.IsDefined((RiskLevel)level) ? (RiskLevel)level : RiskLevel.Unknown;
            DateTimeOffset? validUntil = TryBase36(parts[4], out var until)
                ? DateTimeOffset.FromUnixTimeSeconds(until)
                : null;
            var member = Unescape(parts[0]);
            var split = member.IndexOf(':');
            others.Add(new StatusEntry(
                Issuer: member[..split], Code: member[(split + 1)..], Sequence: sequence, Level: riskLevel, NativeLevel: "",
                SubStatus: null, StatusAt: DateTimeOffset.FromUnixTimeSeconds(statusAt), ValidUntil: validUntil, Revoked: false,
                HolderKey: holderKey, MaskedName: null, MaskedDocument: null, NatResult: null, NatSampledAt: null,
                NatReportedAt: null, VaccineDoses: null, RiskAreaVisit: null, ReceivedAt: DateTimeOffset.FromUnixTimeSeconds(statusAt)));
        }
        return others;
    }

    // Lowercase digits then letters, as Lua's tonumber(s, 36) reads them; a time before 1970 gets a leading '-'.
    internal static string Base36(long value)
    {
        if (value == 0) return "0";
        Span<char> digits = stackalloc char[14];
        var at = digits.Length;
        var magnitude = Math.Abs(value);
        while (magnitude > 0)
        {
            digits[--at] = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(magnitude % 36)];
            magnitude /= 36;
        }
        if (value < 0) digits[--at] = '-';
        return new string(digits[at..]);
    }

    internal static bool TryBase36(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty || digits.Length > 12) return false;
        foreach (var c in digits)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : -1;
            if (digit < 0) return false;
            value = value * 36 + digit;
        }
        if (negative) value = -value;
        return true;
    }

    private static string Unescape(string member) =>
        member.Contains('%') ? member.Replace("%2C", ",").Replace("%3B", ";").Replace("%25", "%") : member;
}
