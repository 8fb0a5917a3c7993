namespace HealthCode.Api.Reload;

/// <summary>
/// HealthCode:Reload. Watch: reload when a file in the regions or policies folder changes (POST /v1/admin/reload
/// always works). Debounce: how long the folders must stay quiet before a reload, so an editor's several writes of
/// one save become one reload; a folder that never settles is reloaded after <see cref="MaxDebounceRounds"/> rounds.
/// </summary>
public sealed class ReloadOptions
{
    public const string Section = "HealthCode:Reload";
    public const int MaxDebounceRounds = 8;
    public static readonly TimeSpan MaxDebounce = TimeSpan.FromMinutes(1);

    public bool Watch { get; set; } = true;

    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);
}
