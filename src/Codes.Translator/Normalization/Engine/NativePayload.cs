namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// A payload flattened to "/"-separated paths (JSON pointer escaping of keys, without the leading slash; entries of a
/// declared array get their index as a segment). JSON and XML both end up here so that profile rules run the same way on
/// either. Each leaf also keeps its rule path: its path without array indexes, as a profile names it.
/// </summary>
internal sealed class NativePayload
{
    private readonly Dictionary<string, NativeNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<(string Path, string RulePath)> _leaves = new();

    public IReadOnlyList<(string Path, string RulePath)> Leaves => _leaves;

    public bool TryGet(string path, out NativeNode node) => _nodes.TryGetValue(path, out node);

    /// <summary>False on a duplicate path: a repeated key could smuggle a second status past a reviewer, so it is refused.</summary>
    public bool Add(string path, string rulePath, NativeNode node)
    {
        if (!_nodes.TryAdd(path, node))
        {
            return false;
        }

        if (!node.HasChildren)
        {
            _leaves.Add((path, rulePath));
        }

        return true;
    }

    public static string Pointer(string path) => "/" + path;
}
