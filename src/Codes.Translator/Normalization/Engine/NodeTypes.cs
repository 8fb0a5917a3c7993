namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Whether a payload node has the native type its rule declares; a mismatch is an error naming both.</summary>
internal static class NodeTypes
{
    /// <summary>True when the node carries a value to read; objects and arrays only group other fields.</summary>
    public static bool Matches(NativeType type, NativeNode node, RecordBuilder builder, string pointer)
    {
        switch (type)
        {
            case NativeType.Object:
                if (node.Kind != NodeKind.Object)
                {
                    builder.Error(pointer, $"must be an object, not {Describe(node.Kind)}");
                }

                return false;
            case NativeType.Array:
                if (node.Kind != NodeKind.Array)
                {
                    builder.Error(pointer, $"must be an array, not {Describe(node.Kind)}");
                }

                return false;
            case NativeType.String when node.Kind is not (NodeKind.String or NodeKind.XmlText):
                builder.Error(pointer, $"must be a string, not {Describe(node.Kind)}");
                return false;
            case NativeType.Integer when !node.TryGetInteger(out _):
                builder.Error(pointer, node.Kind is NodeKind.String or NodeKind.XmlText ? $"must be an integer, not the string {Echo.Quote(node.Text)}" : $"must be an integer, not {Describe(node.Kind)}");
                return false;
            case NativeType.Boolean when !node.TryGetBoolean(out _):
                builder.Error(pointer, node.Kind is NodeKind.String or NodeKind.XmlText ? $"must be a boolean (true or false), not the string {Echo.Quote(node.Text)}" : $"must be a boolean (true or false), not {Describe(node.Kind)}");
                return false;
            default:
                return true;
        }
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Number => "a number",
        NodeKind.Boolean => "a boolean",
        NodeKind.Array => "an array",
        NodeKind.Object => "an object",
        _ => "a string",
    };
}
