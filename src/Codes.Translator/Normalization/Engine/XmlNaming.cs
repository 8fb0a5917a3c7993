namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// How paths name XML elements and attributes: by namespace, never by the prefix a payload happens to use. A name in no
/// namespace is its local name; in a namespace the profile binds, prefix:local (local alone for the empty prefix); in
/// any other namespace, {uri}local, which no profile path names. Once the empty prefix is bound, an element in no
/// namespace is {}local: it is not the element the profile means. (Unprefixed attributes are in no namespace by XML's
/// rules, so they keep their local name.)
/// </summary>
internal sealed class XmlNaming
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly Dictionary<string, string> _prefixByUri;

    private readonly bool _defaultBound;

    public XmlNaming(IReadOnlyDictionary<string, string> prefixByUri)
    {
        _prefixByUri = new Dictionary<string, string>(prefixByUri, StringComparer.Ordinal);
        _defaultBound = _prefixByUri.ContainsValue(string.Empty);
    }

    public static XmlNaming None { get; } = new(new Dictionary<string, string>());

    public string Element(string namespaceUri, string localName) =>
        namespaceUri.Length == 0 && _defaultBound ? "{}" + localName : Name(namespaceUri, localName);

    public string Attribute(string namespaceUri, string localName) => "@" + Name(namespaceUri, localName);

    private string Name(string namespaceUri, string localName)
    {
        if (namespaceUri.Length == 0)
        {
            return localName;
        }

        if (namespaceUri == XmlNamespace)
        {
            return "xml:" + localName;
        }

        return _prefixByUri.TryGetValue(namespaceUri, out var prefix)
            ? prefix.Length == 0 ? localName : prefix + ":" + localName
            : "{" + namespaceUri + "}" + localName;
    }
}
