using Microsoft.AspNetCore.Authorization;

namespace HealthCode.Api.Auth;

/// <summary>A publisher key may publish only for its own region (DESIGN.md §8): the role must name the route's region.</summary>
public sealed class RegionPublisherRequirement : AuthorizationHandler<RegionPublisherRequirement>, IAuthorizationRequirement
{
    public const string RouteValue = "region";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RegionPublisherRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Admin)
            || context.Resource is HttpContext http && http.Request.RouteValues[RouteValue] is string region && context.User.IsInRole(Roles.PublisherFor(region)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
