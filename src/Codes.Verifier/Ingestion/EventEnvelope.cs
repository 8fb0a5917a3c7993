using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Ingestion;

/// <summary>The contract headers of one event once read: the region's profile, the sequence and the kind.</summary>
public sealed record EventEnvelope(RegionProfile Region, EventSequence Sequence, EventKind Kind);
