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

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
            return Task.FromResult(AuthenticateResult.NoResult());

        var key = registry.Find(values.ToString());
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
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
