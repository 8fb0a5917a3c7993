namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// One parsed snapshot line: {"sequence": N, "contentType"?, "payload": "&lt;native payload&gt;", "signature"?, "keyId"?}.
/// Payload is the UTF-8 of the payload string: the bytes a signature covers, as if the region had published them.
/// Error (with the JSON pointer at fault) when the line is not one: it is then rejected as malformed-line.
/// </summary>
public sealed record SnapshotLineContent(string? Sequence, string? ContentType, byte[] Payload, string? Signature, string? KeyId, string? Error, string? Field)
{
    public bool Malformed => Error is not null;

    public static SnapshotLineContent Refused(string error, string? field = null) => new(null, null, [], null, null, error, field);
}
