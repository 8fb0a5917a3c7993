namespace HealthCode.Api.DryRun;

public static class DryRunServices
{
    /// <summary>The dry run (engine, reader, runner) and the sample library of the playground.</summary>
    public static IServiceCollection AddDryRun(this IServiceCollection services)
    {
        services.AddSingleton<DryRunEngine>();
        services.AddSingleton<DryRunRequestReader>();
        services.AddSingleton<DryRunRunner>();
        services.AddSingleton<SampleLibrary>();
        return services;
    }
}
