using HealthCode.Cli.Engine;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Regional.Snapshots;

namespace HealthCode.Cli.Snapshots;

/// <summary>
/// The region a snapshot file belongs to when --region is not given: the one profile that reads, from the first
/// line's payload, a code value matching its own code pattern (code patterns do not overlap between regions).
/// </summary>
public static class SnapshotRegion
{
    public static string Detect(string file, string profilesDirectory)
    {
        var first = File.ReadLines(file).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))
            ?? throw new CliInputException($"{file}: the snapshot has no line");
        var line = SnapshotLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(first));
        if (line.Malformed) throw new CliInputException($"{file}: line 1 is not a snapshot line ({line.Error}); pass --region <ID>");

        var regions = HubLibraries.LoadRegions(profilesDirectory);
        var normalizer = new Normalizer();
        var matches = regions.All.Where(p => Reads(normalizer, p, line)).Select(p => p.Id).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new CliInputException($"{file}: cannot tell the region from the first line ({(matches.Count == 0 ? "no" : string.Join(", ", matches))} profile reads its code); pass --region <ID>");
    }

    private static bool Reads(Normalizer normalizer, RegionProfile profile, SnapshotLineContent line)
    {
        var contentType = line.ContentType ?? MediaTypes.ForFormat(profile.Format);
        if (!MediaTypes.Accepts(profile.Format, contentType)) return false;
        var read = normalizer.ReadCodeValue(profile, line.Payload, contentType);
        return read.Failure == FailureKind.None && !string.IsNullOrEmpty(read.Code) && profile.MatchesCode(read.Code);
    }
}
