using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization;

/// <summary>Turns a region's native payload into the canonical record. Pure: no I/O beyond the bytes given.</summary>
public interface INormalizer
{
    NormalizationResult Normalize(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType, NormalizationContext context);

    /// <summary>Reads only the code value (a revoke event needs nothing else from its payload).</summary>
    CodeValueResult ReadCodeValue(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType);
}
