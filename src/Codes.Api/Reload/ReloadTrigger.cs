namespace HealthCode.Api.Reload;

/// <summary>What started a reload, as the report and the log name it.</summary>
public static class ReloadTrigger
{
    public const string Admin = "admin";
    public const string Watch = "watch";
}
