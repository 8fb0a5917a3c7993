namespace HealthCode.Translator.Normalization.Engine;

internal readonly record struct PayloadReadResult(NativePayload? Payload, FailureKind Failure, string? Detail, string? ErrorKey)
{
    public static PayloadReadResult Ok(NativePayload payload) => new(payload, FailureKind.None, null, null);
    public static PayloadReadResult Malformed(string detail) => new(null, FailureKind.Malformed, detail, null);
    public static PayloadReadResult Invalid(string key, string detail) => new(null, FailureKind.Invalid, detail, key);
}
