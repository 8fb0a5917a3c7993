using System.Globalization;
using System.Text;

namespace HealthCode.Verifier.Store;

/// <summary>
/// Redis key layout, made for Redis Cluster: every script and command touches one key, so one hash slot.
/// Status "{prefix}s:{issuer}:{code}" → "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;flags&gt;|&lt;binary record&gt;".
/// Holder index bucket "{prefix}h:{bucket}" → hash of holderKey → the holder's codes with a summary of each
/// (what deciding on another code of the holder needs). Holders share buckets so the index costs a hash field per
/// holder rather than a key per holder.
/// </summary>
public sealed class StatusKeys(string prefix, int holderBuckets)
{
    public string Prefix { get; } = prefix;
    public int HolderBuckets { get; } = holderBuckets > 0 ? holderBuckets : throw new ArgumentOutOfRangeException(nameof(holderBuckets));

    public string Status(string issuer, string code) => $"{Prefix}s:{issuer}:{code}";

    /// <summary>The status key of an index member ("issuer:code", as <see cref="Member"/> writes it).</summary>
    public string StatusOfMember(string member) => $"{Prefix}s:{Unescape(member)}";

    public string HolderBucket(string holderKey) =>
        string.Concat(Prefix, "h:", (Fnv1a(holderKey) % (uint)HolderBuckets).ToString("x", CultureInfo.InvariantCulture));

    /// <summary>
    /// A code's name inside a holder's index entry. ',' and ';' separate the entry's parts, so they (and '%') are
    /// escaped in codes that carry them.
    /// </summary>
    public static string Member(string issuer, string code) => $"{Escape(issuer)}:{Escape(code)}";

    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny(",;%") < 0 ? text : text.Replace("%", "%25").Replace(",", "%2C").Replace(";", "%3B");

    private static string Unescape(string member) =>
        member.Contains('%') ? member.Replace("%2C", ",").Replace("%3B", ";").Replace("%25", "%") : member;

    // Stable across processes and machines (string.GetHashCode is randomized per process): every instance must
    // pick the same bucket for a holder.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
