using System.Text;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Where a rule path is in one payload: below a declared array, in the entry that was picked ("nat/result" →
/// "nat/2/result"). A profile without arrays resolves every path to itself.
/// </summary>
internal sealed class PayloadPaths(IReadOnlySet<string> arrays)
{
    private readonly Dictionary<string, int> _picked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>For a profile without arrays: nothing is picked, so one shared instance serves every call.</summary>
    public static PayloadPaths Direct { get; } = new(new HashSet<string>());

    public void Picked(string arrayPath, int index) => _picked[arrayPath] = index;

    /// <summary>A pick that failed has been reported; the fields below it are not read (they would only repeat the error).</summary>
    public void Failed(string arrayPath) => _failed.Add(arrayPath);

    /// <summary>False when an enclosing array's pick failed. Otherwise true, with a null path when an enclosing array is absent or empty.</summary>
    public bool TryResolve(string rulePath, out string? path)
    {
        path = rulePath;
        if (arrays.Count == 0)
        {
            return true;
        }

        var concrete = new StringBuilder(rulePath.Length + 4);
        var slash = rulePath.IndexOf('/');
        var start = 0;
        while (slash >= 0)
        {
            var prefix = rulePath[..slash];
            concrete.Append(rulePath, start, slash - start);
            if (arrays.Contains(prefix))
            {
                if (_failed.Contains(prefix))
                {
                    path = null;
                    return false;
                }

                if (!_picked.TryGetValue(prefix, out var index))
                {
                    path = null;
                    return true;
                }

                concrete.Append('/').Append(index);
            }

            start = slash;
            slash = rulePath.IndexOf('/', slash + 1);
        }

        path = concrete.Append(rulePath, start, rulePath.Length - start).ToString();
        return true;
    }
}
