namespace HealthCode.Api.Endpoints;

/// <summary>The HTTP spelling of the status-event headers (DESIGN.md §5/§6: hc-sequence, hc-kind, hc-signature).</summary>
public static class StatusEventHeaders
{
    public const string Sequence = "X-HC-Sequence";
    public const string Kind = "X-HC-Kind";
    public const string Signature = "X-HC-Signature";
    public const string KeyId = "X-HC-Key-Id";
}
