namespace HealthCode.Api.Problems;

/// <summary>
/// The stable problem "type" URIs (DESIGN.md §5), one per kind of failure. Clients match on these, never on titles;
/// new ones may be added, none is renamed.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://healthcode.example.org/problems/";

    /// <summary>400: the request is malformed (bad JSON/XML, a DTD, a body that cannot be read).</summary>
    public const string Malformed = Base + "malformed";
    /// <summary>400: a query parameter, header or request field is invalid; <c>errors</c> names each.</summary>
    public const string BadRequest = Base + "bad-request";
    /// <summary>401: no API key, or an unknown one.</summary>
    public const string Unauthenticated = Base + "unauthenticated";
    /// <summary>403: the API key lacks the role.</summary>
    public const string Forbidden = Base + "forbidden";
    /// <summary>404: no such region.</summary>
    public const string UnknownRegion = Base + "unknown-region";
    /// <summary>404/405: no such resource or method.</summary>
    public const string NotFound = Base + "not-found";
    /// <summary>409: the request conflicts with work in progress (a second snapshot while one of the region runs).</summary>
    public const string Conflict = Base + "conflict";
    /// <summary>413: the body exceeds the limit.</summary>
    public const string PayloadTooLarge = Base + "payload-too-large";
    /// <summary>415: the content type is not the region's format.</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    /// <summary>422: the payload does not satisfy the region profile; <c>errors</c> maps native fields to messages.</summary>
    public const string Validation = Base + "validation";
    /// <summary>422: the scanned code cannot be processed (issuer not detected, ambiguous, mismatched); extension <c>code</c>.</summary>
    public const string UnprocessableCode = Base + "unprocessable-code";
    /// <summary>429: the API key's rate limit is spent; see Retry-After.</summary>
    public const string RateLimited = Base + "rate-limited";
    /// <summary>503: the bus did not accept the event in time.</summary>
    public const string BusUnavailable = Base + "bus-unavailable";
    /// <summary>503: the store did not answer in time (the request changed nothing; retry).</summary>
    public const string StoreUnavailable = Base + "store-unavailable";
    /// <summary>500: a fault in the service itself (never caused by input).</summary>
    public const string Internal = Base + "internal";

    public static readonly IReadOnlyList<string> All =
    [
        Malformed, BadRequest, Unauthenticated, Forbidden, UnknownRegion, NotFound, Conflict, PayloadTooLarge, UnsupportedMediaType,
        Validation, UnprocessableCode, RateLimited, BusUnavailable, StoreUnavailable, Internal,
    ];

    /// <summary>The type for a bare status code (status-code pages, framework errors).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => Malformed,
        401 => Unauthenticated,
        403 => Forbidden,
        404 or 405 => NotFound,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => Validation,
        429 => RateLimited,
        503 => BusUnavailable,
        _ => Internal,
    };
}
