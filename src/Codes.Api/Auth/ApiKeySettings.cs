namespace HealthCode.Api.Auth;

/// <summary>One entry of Auth:ApiKeys:&lt;name&gt;: the key a client sends, and the roles it grants.</summary>
public sealed class ApiKeySettings
{
    public string? Key { get; set; }

    public List<string> Roles { get; set; } = [];
}
