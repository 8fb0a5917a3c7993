using HealthCode.Verifier.Regional;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Support;

public static class Ledgers
{
    /// <summary>The embedded mode's regional ledger on the given clock.</summary>
    public static InMemoryRegionalLedger InMemory(TimeProvider clock, RegionalOptions? options = null) =>
        new(clock, Options.Create(options ?? new RegionalOptions()));
}
