using System.Reflection;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Ingestion;
using HealthCode.Verifier.Tests.Privacy;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Transport.InProcess;
using HealthCode.Verifier.Transport.RabbitMq;
using HealthCode.Verifier.Trust;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Verifier.Tests.FailClosed;

/// <summary>No check is weakened by leaving something out: every piece the ingestion and verify paths rely on is required.</summary>
public sealed class NoFailOpenDefaultTests
{
    private static readonly Type[] Paths =
    [
        typeof(StatusEventConsumer), typeof(IngestionPipeline), typeof(VerificationService), typeof(StatusDeliveryHandler),
        typeof(InProcessStatusEventWorker),
    ];

    [TestCaseSource(nameof(Paths))]
    public void No_constructor_parameter_on_the_ingestion_or_verify_path_is_optional(Type type)
    {
        var optional = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.IsOptional).Select(p => p.Name);
        Assert.That(optional, Is.Empty);
    }

    [Test]
    public void Consumer_cannot_be_composed_without_an_authenticator()
    {
        var services = new ServiceCollection()
            .AddSingleton<IStatusStore>(new InMemoryStatusStore())
            .AddSingleton<INormalizer>(new FakeNormalizer())
            .AddSingleton<IRegionCatalog>(StubRegionCatalog.Standard())
            .AddSingleton(HolderKeysTests.Keys)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IngestionMetrics>()
            .AddOptions();
        using var provider = services.BuildServiceProvider();
        Assert.That(() => ActivatorUtilities.CreateInstance<StatusEventConsumer>(provider),
            Throws.InvalidOperationException.With.Message.Contain(nameof(IEventAuthenticator)));
    }

    [Test]
    public void The_only_event_authenticator_is_the_signature_check()
    {
        var authenticators = typeof(IEventAuthenticator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEventAuthenticator).IsAssignableFrom(t));
        Assert.That(authenticators, Is.EqualTo(new[] { typeof(SignatureEventAuthenticator) }));
    }
}
