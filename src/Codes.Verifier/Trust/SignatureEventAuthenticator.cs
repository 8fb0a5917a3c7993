using System.Text.RegularExpressions;
using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthCode.Verifier.Trust;

/// <summary>
/// Refuses events of a region that registered keys unless hc-signature is a valid ES256 signature, by one of the
/// region's keys valid now, of the exact body bytes (v1) or of the body bound to its region, sequence and kind (v2,
/// see <see cref="SignedContent"/>). A region that registered no key publishes unsigned: that is this authenticator's
/// decision (DESIGN.md §8), not a default elsewhere. Logs region, key id and reason only: never the body or signature.
/// </summary>
public sealed partial class SignatureEventAuthenticator(
    TrustStore trust,
    TimeProvider time,
    ILogger<SignatureEventAuthenticator>? logger = null) : IEventAuthenticator
{
    // DER ES256 signatures are at most 72 bytes (96 base64 chars); anything far longer is refused before decoding.
    private const int MaxSignatureChars = 256;
    private readonly ILogger _logger = logger ?? NullLogger<SignatureEventAuthenticator>.Instance;

    public ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        ArgumentNullException.ThrowIfNull(envelope);
        var result = Authenticate(statusEvent, envelope);
        if (!result.Allowed)
            LogRefused(envelope.Region.Id, Printable(statusEvent.KeyId), result.ReasonCode);
        return ValueTask.FromResult(result);
    }

    private AuthenticationResult Authenticate(InboundStatusEvent e, EventEnvelope envelope)
    {
        var region = envelope.Region.Id;
        var keys = trust.KeysFor(region);
        if (keys.Count == 0) return AuthenticationResult.Unsigned;

        if (string.IsNullOrWhiteSpace(e.Signature))
            return Refuse(IngestionReasonCodes.SignatureMissing, $"region {region} signs its events; hc-signature is required.");
        var signature = Decode(e.Signature);
        if (signature is null)
            return Refuse(IngestionReasonCodes.SignatureInvalid, "hc-signature is not the base64 of an ES256 signature.");

        var now = time.GetUtcNow();
        IReadOnlyList<TrustKey> candidates;
        if (!string.IsNullOrEmpty(e.KeyId))
        {
            var named = keys.FirstOrDefault(k => string.Equals(k.Id, e.KeyId, StringComparison.Ordinal));
            if (named is null)
                return Refuse(IngestionReasonCodes.UnknownKeyId, $"hc-key-id {Quoted(e.KeyId)} names no key of region {region}.");
            if (!named.IsValidAt(now))
                return Refuse(IngestionReasonCodes.KeyNotValid, $"key '{named.Id}' of region {region} is outside its validity window.");
            candidates = [named];
        }
        else
        {
            // No key id: try each key valid now, so publishers that predate rotation keep working.
            candidates = keys.Where(k => k.IsValidAt(now)).ToList();
            if (candidates.Count == 0)
                return Refuse(IngestionReasonCodes.KeyNotValid, $"no key of region {region} is valid now.");
        }

        var bound = SignedContent.V2(region, envelope.Sequence, envelope.Kind, e.Body.Span);
        foreach (var key in candidates)
        {
            if (SignatureVerifier.Verify(key, e.Body.Span, signature) || SignatureVerifier.Verify(key, bound, signature))
                return AuthenticationResult.Allow;
        }
        return Refuse(IngestionReasonCodes.SignatureInvalid, candidates.Count == 1
            ? $"hc-signature does not verify over the body with key '{candidates[0].Id}' of region {region}."
            : $"hc-signature does not verify over the body with any of the {candidates.Count} valid keys of region {region}.");
    }

    // The reason code leads the detail too, so it reaches the error queue even where only Detail is carried.
    private static AuthenticationResult Refuse(string reasonCode, string detail) =>
        AuthenticationResult.Refuse(reasonCode, $"{reasonCode}: {detail}");

    private static byte[]? Decode(string text)
    {
        text = text.Trim();
        if (text.Length > MaxSignatureChars) return null;
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    // The key id is a header the publisher controls: echo it only when it is a plausible id, so it cannot forge log lines.
    private static string? Printable(string? keyId) => keyId is not null && KeyIdPattern().IsMatch(keyId) ? keyId : null;

    private static string Quoted(string keyId) => Printable(keyId) is { } id ? $"'{id}'" : "(not a valid key id)";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Refused event of region {Region} (key id {KeyId}): {ReasonCode}")]
    private partial void LogRefused(string region, string? keyId, string? reasonCode);
}
