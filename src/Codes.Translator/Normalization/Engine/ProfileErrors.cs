using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Collects every problem of a profile instead of stopping at the first, so an integrator fixes them in one pass.</summary>
internal sealed class ProfileErrors
{
    private readonly List<ProfileError> _errors = new();

    public IReadOnlyList<ProfileError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message) => _errors.Add(new ProfileError(path, message));
}
