using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Auth;

public static class AuthExtensions
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddOptions<ApiKeysOptions>().BindConfiguration(ApiKeysOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeysOptions>, ApiKeysValidator>();
        services.AddSingleton<ApiKeyRegistry>();
        // AuthenticationCore rather than AddAuthentication: no cookies, so no data-protection key ring to create and warn about.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o => o.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, RegionPublisherRequirement>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.AnyRole, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Checkpoint, p => p.RequireRole(Roles.Checkpoint, Roles.Admin))
            .AddPolicy(Policies.Integrator, p => p.RequireRole(Roles.Integrator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.RegionPublisher, p => p.RequireAuthenticatedUser().AddRequirements(new RegionPublisherRequirement()));
        return services;
    }
}
