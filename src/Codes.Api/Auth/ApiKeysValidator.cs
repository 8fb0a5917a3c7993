using Microsoft.Extensions.Options;

namespace HealthCode.Api.Auth;

/// <summary>
/// Refuses keys that would grant something unintended or nothing at all: an empty or short key, a key without roles
/// (it would still read regions and translate), an unknown role (a typo would silently lock a checkpoint out), and one
/// key under two names.
/// </summary>
public sealed class ApiKeysValidator : IValidateOptions<ApiKeysOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiKeysOptions options)
    {
        var failures = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyName, entry) in options.ApiKeys)
        {
            var path = $"{ApiKeyRegistry.Section}:{keyName}";
            if (string.IsNullOrEmpty(entry.Key) || entry.Key.Length < MinimumKeyLength)
                failures.Add($"{path}:Key must be at least {MinimumKeyLength} characters");
            else if (!names.TryAdd(entry.Key, keyName))
                failures.Add($"{path}:Key is the same key as {ApiKeyRegistry.Section}:{names[entry.Key]}:Key");
            if (entry.Roles.Count == 0)
                failures.Add($"{path}:Roles must name at least one role ({Roles.Described})");
            for (var i = 0; i < entry.Roles.Count; i++)
            {
                if (!Roles.IsKnown(entry.Roles[i]))
                    failures.Add($"{path}:Roles:{i} '{entry.Roles[i]}' is not a role ({Roles.Described})");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
