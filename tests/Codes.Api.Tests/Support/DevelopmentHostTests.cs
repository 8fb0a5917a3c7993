namespace HealthCode.Api.Tests.Support;

/// <summary>One embedded-mode host (Development, dev-local-key, seeded samples) shared by the tests of a class.</summary>
public abstract class DevelopmentHostTests
{
    protected ApiFactory Factory { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = new ApiFactory();
        Client = Factory.ClientWithKey();
    }

    [OneTimeTearDown]
    public void StopHost() => Factory.Dispose();
}
