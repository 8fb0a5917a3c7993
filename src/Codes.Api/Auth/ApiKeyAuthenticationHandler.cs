using System.Security.Claims;
using System.Text.Encodings.Web;
using HealthCode.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Auth;

/// <summary>X-Api-Key → a principal named after the key (never the key itself) with the key's roles; 401/403 as problem+json.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private static readonly Task<AuthenticateResult> NoKey = Task.FromResult(AuthenticateResult.NoResult());

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.ToString() is not { Length: > 0 } presented)
            return NoKey;

        var key = registry.Find(presented);
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(key), SchemeName)));
    }

    // A new principal per request (nothing shared that a later step could change), its claims made for their identity
    // so that adding them copies nothing.
    private static ClaimsPrincipal Principal(ApiKey key)
    {
        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, key.Name, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
        for (var i = 0; i < key.Roles.Count; i++)
            identity.AddClaim(new Claim(ClaimTypes.Role, key.Roles[i], ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
        return new ClaimsPrincipal(identity);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Write(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "An API key is required.",
            $"Send a known key in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "The API key lacks the role for this operation.", null);

    private async Task Write(int status, string type, string title, string? detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
