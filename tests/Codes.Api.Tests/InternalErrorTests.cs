using HealthCode.Verifier.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests;

public sealed class InternalErrorTests
{
    [Test]
    public async Task A_bug_is_a_500_problem_that_leaks_nothing()
    {
        using var factory = new ApiFactory { ExtraServices = s => s.AddSingleton<IStartupFilter, ThrowingRoute>() };
        var response = await factory.ClientWithKey().GetAsync("/test/throw");
        var text = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.InternalServerError, "internal");
        Assert.That(text, Does.Not.Contain("secret-detail").And.Not.Contain("at HealthCode"));
        Assert.That(problem.TryGetProperty("detail", out _), Is.False);
    }

    [Test]
    public async Task A_verification_fault_is_never_a_leak_either()
    {
        // The public seam is the service; a fault in it (not a store fault, which it turns into manual) must still be a clean 500.
        using var factory = new ApiFactory { ExtraServices = s => s.AddSingleton<VerificationService>(_ => throw new InvalidOperationException("secret-detail")) };
        var response = await factory.ClientWithKey().PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        var text = await response.Content.ReadAsStringAsync();
        await ProblemAssert.AssertProblem(response, HttpStatusCode.InternalServerError, "internal");
        Assert.That(text, Does.Not.Contain("secret-detail"));
    }

    /// <summary>Adds a route that fails like a bug would, behind the app's own pipeline.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e => e.MapGet("/test/throw", (HttpContext _) => throw new InvalidOperationException("secret-detail")));
        };
    }
}
