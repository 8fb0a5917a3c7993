namespace HealthCode.Api.Composition;

/// <summary>HealthCode:HolderSecret, the HMAC secret holder keys are computed under (see <see cref="HolderSecret"/>).</summary>
public sealed class HolderSecretOptions
{
    public const string Section = "HealthCode";
    public const string Key = Section + ":" + nameof(HolderSecret);

    public string? HolderSecret { get; set; }
}
