using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Compiles what surrounds the fields: XML namespace bindings and an envelope around the payload.</summary>
internal static class PayloadShape
{
    private static readonly string[] ReservedPrefixes = ["xml", "xmlns"];

    public static XmlNaming XmlNames(ProfileDefinition profile, ProfileErrors errors)
    {
        if (profile.XmlNamespaces is not { } bindings)
        {
            return XmlNaming.None;
        }

        if (profile.Format != PayloadFormat.Xml)
        {
            errors.Add("xmlNamespaces", "only an xml profile binds namespaces");
        }

        var prefixByUri = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (prefix, uri) in bindings)
        {
            if (ReservedPrefixes.Contains(prefix))
            {
                errors.Add($"xmlNamespaces.{prefix}", $"'{prefix}' is reserved by XML");
            }
            else if (!prefixByUri.TryAdd(uri, prefix))
            {
                errors.Add($"xmlNamespaces.{prefix}", $"'{uri}' is already bound to '{prefixByUri[uri]}': one prefix per namespace");
            }
        }

        return new XmlNaming(prefixByUri);
    }

    public static CompiledEnvelope? Envelope(ProfileDefinition profile)
    {
        if (profile.Envelope is not { } envelope)
        {
            return null;
        }

        var ok = envelope.OkWhen;
        return new CompiledEnvelope(
            envelope.Data.Trim('/'),
            ok?.Path.TrimStart('/'),
            ok is null ? null : new HashSet<string>(ok.In, StringComparer.Ordinal));
    }
}
