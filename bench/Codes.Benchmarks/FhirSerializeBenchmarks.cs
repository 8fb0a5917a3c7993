using BenchmarkDotNet.Attributes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using Hl7.Fhir.Model;

namespace HealthCode.Benchmarks;

/// <summary>
/// The FHIR output of /normalize?format=fhir: build the Firely Bundle from a normalized record, then serialize it.
/// Both green samples give all five resources, about 2.8 KB of JSON.
/// </summary>
[MemoryDiagnoser]
public class FhirSerializeBenchmarks
{
    private CanonicalRecord _record = null!;
    private Bundle _bundle = null!;

    [Params("110000", "810000")]
    public string Region { get; set; } = "110000";

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        var catalog = RegionCatalog.LoadFromDirectory(Path.Combine(root, "schemas", "regions"));
        var normalizer = new Normalizer();
        var body = File.ReadAllBytes(Path.Combine(root, "fixtures", Region, "green.json"));
        var context = new NormalizationContext(new DateTimeOffset(2022, 12, 31, 0, 0, 0, TimeSpan.Zero));
        _record = normalizer.Normalize(catalog.Find(Region)!, body, "application/json", context).Record
            ?? throw new InvalidOperationException($"the {Region} green sample does not normalize");
        _bundle = FhirBundleWriter.ToBundle(_record);
    }

    [Benchmark]
    public Bundle ToBundle() => FhirBundleWriter.ToBundle(_record);

    [Benchmark]
    public byte[] SerializeToUtf8Bytes() => FhirJson.SerializeToUtf8Bytes(_bundle);

    [Benchmark]
    public string Serialize() => FhirJson.Serialize(_bundle);

    [Benchmark]
    public byte[] ToBundleAndSerialize() => FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(_record));
}
