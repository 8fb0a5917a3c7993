namespace HealthCode.Verifier.Store;

/// <summary>The store did not answer in time or at all. Callers fail closed: verify answers manual, ingestion retries.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
