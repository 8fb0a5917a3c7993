using BenchmarkDotNet.Attributes;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;

namespace HealthCode.Benchmarks;

/// <summary>Normalizes each region's green sample: parse, profile rules, FluentValidation, warnings.</summary>
[MemoryDiagnoser]
public class NormalizeBenchmarks
{
    private readonly Normalizer _normalizer = new();
    private RegionProfile _profile = null!;
    private byte[] _body = [];
    private string _contentType = "application/json";
    private readonly NormalizationContext _context = new(new DateTimeOffset(2022, 12, 31, 0, 0, 0, TimeSpan.Zero));

    [Params("000000", "110000", "310000", "320000", "330000", "420000", "440000", "500000", "510000", "610000", "810000", "820000")]
    public string Region { get; set; } = "000000";

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        var catalog = RegionCatalog.LoadFromDirectory(Path.Combine(root, "schemas", "regions"));
        _profile = catalog.Find(Region)!;
        var xml = _profile.Format == PayloadFormat.Xml;
        _contentType = xml ? "application/xml" : "application/json";
        _body = File.ReadAllBytes(Path.Combine(root, "fixtures", Region, xml ? "green.xml" : "green.json"));
        if (!_normalizer.Normalize(_profile, _body, _contentType, _context).Succeeded)
        {
            throw new InvalidOperationException($"the {Region} green sample does not normalize");
        }
    }

    [Benchmark]
    public bool Normalize() => _normalizer.Normalize(_profile, _body, _contentType, _context).Succeeded;
}
