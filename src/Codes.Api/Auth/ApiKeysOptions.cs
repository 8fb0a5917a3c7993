namespace HealthCode.Api.Auth;

/// <summary>Auth:ApiKeys:&lt;name&gt;:Key and :Roles:&lt;i&gt;. The name is what logs and rate limits use, never the key.</summary>
public sealed class ApiKeysOptions
{
    public const string Section = "Auth";

    public Dictionary<string, ApiKeySettings> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
