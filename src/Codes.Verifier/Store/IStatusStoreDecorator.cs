namespace HealthCode.Verifier.Store;

/// <summary>
/// A store that wraps another (e.g. to measure it). Whatever must live beside the real store (the regional ledger on
/// the same Redis) looks through decorators to find it.
/// </summary>
public interface IStatusStoreDecorator
{
    IStatusStore Inner { get; }
}
