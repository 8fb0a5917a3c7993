namespace HealthCode.Translator.Normalization.Engine;

internal readonly record struct PayloadReadResult(NativePayload? Payload, FailureKind Failure, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static PayloadReadResult Ok(NativePayload payload) => new(payload, FailureKind.None, null, RecordBuilder.Empty);
    public static PayloadReadResult Malformed(string detail) => new(null, FailureKind.Malformed, detail, RecordBuilder.Empty);
    public static PayloadReadResult Invalid(string key, string detail) => new(null, FailureKind.Invalid, detail, new Dictionary<string, string[]> { [key] = [detail] });
}
