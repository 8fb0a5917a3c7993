using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Privacy;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Support;

public static class Consumers
{
    /// <summary>
    /// The real consumer; unless a test passes its own authenticator, the real one over an empty trust store, under
    /// which every region publishes unsigned (DESIGN.md §8).
    /// </summary>
    public static StatusEventConsumer Create(IStatusStore store, INormalizer normalizer, IRegionCatalog regions, TimeProvider clock,
        IEventAuthenticator? authenticator = null, IngestionOptions? options = null) =>
        new(store, normalizer, regions, HolderKeysTests.Keys, clock,
            authenticator ?? new SignatureEventAuthenticator(TrustStore.Empty, clock),
            Options.Create(options ?? new IngestionOptions()), new IngestionMetrics());

    /// <summary>The recorder the pipeline writes outcomes through, over the given ledger.</summary>
    public static OutcomeRecorder Recorder(IRegionalLedger ledger, IRegionCatalog regions, TimeProvider clock, IngestionOptions? options = null) =>
        new(ledger, regions, Options.Create(options ?? new IngestionOptions()), clock);
}
