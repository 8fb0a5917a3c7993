namespace HealthCode.Verifier.Store;

/// <summary>
/// Redis key layout: status "{prefix}s:{issuer}:{code}" → "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;json&gt;";
/// holder index "{prefix}h:{holderKey}" → set of status keys.
/// </summary>
public sealed class StatusKeys(string prefix)
{
    public string Prefix { get; } = prefix;
    public string HolderPrefix => Prefix + "h:";
    public string Status(string issuer, string code) => $"{Prefix}s:{issuer}:{code}";
    public string Holder(string holderKey) => HolderPrefix + holderKey;
}
