using HealthCode.Api.Problems;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Every <see cref="ProblemTypes"/> URI with its status(es), so each gets a schema in the document and each problem
/// response names exactly the types its status can carry. A test checks that no type is missing here.
/// </summary>
public static class ProblemCatalog
{
    public static readonly IReadOnlyList<ProblemKind> All =
    [
        new(ProblemTypes.Malformed, [400], "MalformedProblem", "The payload could not be parsed.", "malformed",
            "The body cannot be read: bad JSON or XML, a DTD, an unreadable request.", Errors: true),
        new(ProblemTypes.BadRequest, [400], "BadRequestProblem", "The request is invalid.", null,
            "A query parameter, header or request field is invalid; errors names each.", Errors: true),
        new(ProblemTypes.Unauthenticated, [401], "UnauthenticatedProblem", "An API key is required.",
            "Send a known key in the X-Api-Key header.", "No API key, or an unknown one."),
        new(ProblemTypes.Forbidden, [403], "ForbiddenProblem", "The API key lacks the role for this operation.", null,
            "The API key lacks the role."),
        new(ProblemTypes.UnknownRegion, [404], "UnknownRegionProblem", "Unknown region.", "No region '999999' is loaded.",
            "No such region is loaded."),
        new(ProblemTypes.NotFound, [404, 405], "NotFoundProblem", "Not Found", null, "No such resource or method."),
        new(ProblemTypes.Conflict, [409], "ConflictProblem", "A snapshot of this region is running.",
            "Wait until it is done (its status says so), then send this one again.", "The request conflicts with work in progress."),
        new(ProblemTypes.PayloadTooLarge, [413], "PayloadTooLargeProblem", "The body is too large.", "The body may be at most 65536 bytes.",
            "The body exceeds the limit."),
        new(ProblemTypes.UnsupportedMediaType, [415], "UnsupportedMediaTypeProblem", "The content type is not the region's format.",
            "Region 110000 sends application/json.", "The content type is not the region's format."),
        new(ProblemTypes.Validation, [422], "ValidationProblem", "The payload does not satisfy the region profile.", null,
            "The payload does not satisfy the region profile; errors maps native fields to messages.", Errors: true),
        new(ProblemTypes.UnprocessableCode, [422], "UnprocessableCodeProblem", "The code cannot be processed.", null,
            "The scanned code cannot be attributed to one issuer; code says why.", Errors: true, Extension: "code"),
        new(ProblemTypes.RateLimited, [429], "RateLimitedProblem", "Too many requests for this API key.", "Retry after 1 s.",
            "The API key's rate limit is spent; see Retry-After."),
        new(ProblemTypes.BusUnavailable, [503], "BusUnavailableProblem", "The status bus did not accept the event.",
            "Retry later with the same sequence.", "The bus did not accept the event in time."),
        new(ProblemTypes.StoreUnavailable, [503], "StoreUnavailableProblem", "The store did not answer.", "Retry later.",
            "The store did not answer in time; the request changed nothing."),
        new(ProblemTypes.Internal, [500], "InternalProblem", "An internal error occurred.", null,
            "A fault in the service itself (never caused by input)."),
    ];

    public static IReadOnlyList<ProblemKind> ForStatus(int status) => All.Where(k => k.Statuses.Contains(status)).ToList();

    public static ProblemKind Of(string type) => All.Single(k => k.Type == type);
}
