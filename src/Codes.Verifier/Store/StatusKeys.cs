using System.Globalization;
using System.Text;

namespace HealthCode.Verifier.Store;

/// <summary>
/// Redis key layout, made for Redis Cluster: every script and command touches one key, so one hash slot.
/// Codes and holders live as fields of shared hashes ("buckets") rather than a key each: a key costs Redis about a
/// hundred bytes of bookkeeping (dict entries, expiry entry, object header) before its value, a listpack field a few.
/// Status bucket "{prefix}c:{bucket}" → field "issuer:code" → "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;flags&gt;|&lt;expiresAt&gt;|&lt;record&gt;".
/// Holder index bucket "{prefix}h:{bucket}" → field holderKey → the holder's codes with a summary of each (what deciding
/// on another code of the holder needs).
/// </summary>
public sealed class StatusKeys(string prefix, int statusBuckets, int holderBuckets)
{
    public string Prefix { get; } = prefix;
    public int StatusBuckets { get; } = statusBuckets > 0 ? statusBuckets : throw new ArgumentOutOfRangeException(nameof(statusBuckets));
    public int HolderBuckets { get; } = holderBuckets > 0 ? holderBuckets : throw new ArgumentOutOfRangeException(nameof(holderBuckets));

    /// <summary>The bucket holding the status of an index member ("issuer:code", as <see cref="Member"/> writes it).</summary>
    public string StatusBucket(string member) =>
        string.Concat(Prefix, "c:", (Fnv1a(member) % (uint)StatusBuckets).ToString("x", CultureInfo.InvariantCulture));

    public string HolderBucket(string holderKey) =>
        string.Concat(Prefix, "h:", (Fnv1a(holderKey) % (uint)HolderBuckets).ToString("x", CultureInfo.InvariantCulture));

    /// <summary>
    /// A code's name inside a holder's index entry. ',' and ';' separate the entry's parts, so they (and '%') are
    /// escaped in codes that carry them.
    /// </summary>
    public static string Member(string issuer, string code) => $"{Escape(issuer)}:{Escape(code)}";

    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny(",;%") < 0 ? text : text.Replace("%", "%25").Replace(",", "%2C").Replace(";", "%3B");

    // Stable across processes and machines (string.GetHashCode is randomized per process): every instance must
    // pick the same bucket for a holder.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
