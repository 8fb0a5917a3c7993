using System.Globalization;
using System.Text;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// A reproducible (by seed) stream of Shanghai events over a set of codes, as regional systems would send them: every
/// code has 2–4 versions (strictly increasing sequences, colors changing, now and then a revocation), holders hold 1–3
/// codes, and the publishing order is shuffled, with duplicates of random versions and late replays of older ones
/// placed after a newer one. The last version of each code is chosen so that the end state covers every decision:
/// green accepted, yellow or red denied, revoked manual, a green code denied because another code of its holder is
/// red or yellow (other-code-restricts), and a green code accepted because its holder's restricting code was revoked.
/// </summary>
public sealed class EventPlan
{
    public const string Region = "310000";

    private readonly Dictionary<(string Code, long Sequence), CodeVersion> _versions = [];
    private readonly Dictionary<string, string> _holderOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _codesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];
    private readonly List<PlannedEvent> _events = [];

    private EventPlan(int seed, DateTimeOffset now)
    {
        Seed = seed;
        // Whole seconds, as the payload carries them; two hours back leaves every status well inside maxStatusAge (24 h).
        StatusBase = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).AddHours(-2);
    }

    public int Seed { get; }
    public DateTimeOffset StatusBase { get; }
    public IReadOnlyList<string> Codes => _codes;
    public IReadOnlyList<PlannedEvent> Events => _events;
    public int Holders => _codesOf.Count;

    /// <param name="singles">holders with one code; <paramref name="pairs"/> with two, <paramref name="triples"/> with three.</param>
    public static EventPlan Create(int seed, DateTimeOffset now, int singles = 30, int pairs = 20, int triples = 10)
    {
        var plan = new EventPlan(seed, now);
        var random = new Random(seed);
        var run = random.NextInt64(100_000_000_000, 900_000_000_000);
        var holderBase = random.Next(0, 900_000);
        var sizes = Enumerable.Repeat(1, singles).Concat(Enumerable.Repeat(2, pairs)).Concat(Enumerable.Repeat(3, triples)).ToArray();
        int codeIndex = 0, multi = 0, single = 0;
        var originals = new List<CodeVersion>();
        for (var h = 0; h < sizes.Length; h++)
        {
            var holder = ResidentIdNumbers.Make(holderBase + h);
            var codes = Enumerable.Range(codeIndex, sizes[h]).Select(i => "SH" + (run * 1_000_000 + i).ToString("D18", CultureInfo.InvariantCulture)).ToArray();
            codeIndex += sizes[h];
            plan._codesOf[holder] = codes;
            var finals = sizes[h] == 1 ? SingleFinal(single++) : MultiFinals(multi++, sizes[h]);
            for (var i = 0; i < codes.Length; i++)
            {
                plan._holderOf[codes[i]] = holder;
                plan._codes.Add(codes[i]);
                originals.AddRange(plan.AddVersions(codes[i], finals[i], random));
            }
        }
        plan.Order(originals, random);
        return plan;
    }

    /// <summary>The version with this sequence, or null if the plan never sends it.</summary>
    public CodeVersion? Version(string code, long sequence) => _versions.GetValueOrDefault((code, sequence));

    /// <summary>The code's last version: what the store must end with once every event is confirmed.</summary>
    public CodeVersion Highest(string code) => _versions[(code, _highest[code])];

    /// <summary>The other codes of the code's holder.</summary>
    public IEnumerable<string> Siblings(string code) => _codesOf[_holderOf[code]].Where(c => c != code);

    public DateTimeOffset StatusAt(long sequence) => StatusBase.AddMinutes(sequence);

    /// <summary>The native Shanghai payload of a version (a revocation carries the code's payload too).</summary>
    public byte[] Body(CodeVersion version) => Encoding.UTF8.GetBytes(
        $$$"""{"codeId":"{{{version.Code}}}","color":{{{version.Color}}},"holder":{"name":"周杰","idType":1,"idNo":"{{{_holderOf[version.Code]}}}"},"updatedAt":"{{{StatusAt(version.Sequence).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","nat":{"result":"NEGATIVE"}}""");

    /// <summary>
    /// What verify must answer for <paramref name="code"/> when every code of the plan is in the state
    /// <paramref name="state"/> gives it: a revoked code is manual; otherwise the most restrictive level among the code
    /// and its holder's live (not revoked) codes decides, green accept, yellow or red deny (the default policy).
    /// </summary>
    public Verdict Expected(string code, Func<string, CodeVersion> state)
    {
        var own = state(code);
        if (own.Revoke) return new Verdict("manual", OtherCodeRestricts: false, own.Sequence);
        var others = Siblings(code).Select(state).Where(v => !v.Revoke).Select(v => v.Color).DefaultIfEmpty(0).Max();
        return new Verdict(Math.Max(own.Color, others) == 0 ? "accept" : "deny", others > own.Color, own.Sequence);
    }

    // Holders with one code end green (half), yellow, red or revoked.
    private static CodeVersion[] SingleFinal(int index) => [(index % 20) switch
    {
        < 10 => Final(0, false),
        < 13 => Final(1, false),
        < 17 => Final(2, false),
        _ => Final(0, true),
    }];

    // Holders with several codes: all green; one red; one yellow and one revoked; one revoked (its holder's others accepted).
    private static CodeVersion[] MultiFinals(int index, int size)
    {
        var finals = Enumerable.Repeat(Final(0, false), size).ToArray();
        switch (index % 4)
        {
            case 1: finals[0] = Final(2, false); break;
            case 2: finals[0] = Final(1, false); finals[1] = Final(0, true); break;
            case 3: finals[0] = Final(0, true); break;
        }
        return finals;
    }

    // A template: code and sequence are filled in by AddVersions.
    private static CodeVersion Final(int color, bool revoke) => new("", 0, color, revoke);

    // Versions 1..n of a code, the last one being final. A code that ends without accept had a green version before it
    // (a late replay of that one must never win); a code that ends revoked was red just before (it restricted its holder).
    private IEnumerable<CodeVersion> AddVersions(string code, CodeVersion final, Random random)
    {
        var count = final.Revoke ? random.Next(3, 5) : random.Next(2, 5);
        var versions = new CodeVersion[count];
        for (var s = 1; s < count; s++)
        {
            var roll = random.NextDouble();
            var revoke = count >= 3 && roll < 0.08;
            versions[s - 1] = new CodeVersion(code, s, revoke ? 0 : roll < 0.55 ? 0 : roll < 0.75 ? 1 : 2, revoke);
        }
        versions[count - 1] = final with { Code = code, Sequence = count };
        if (final.Revoke) versions[count - 2] = versions[count - 2] with { Color = 2, Revoke = false };
        var earlier = final.Revoke ? count - 2 : count - 1;
        if (!final.Green && !versions[..earlier].Any(v => v.Green))
        {
            var green = random.Next(0, earlier);
            versions[green] = versions[green] with { Color = 0, Revoke = false };
        }
        foreach (var version in versions) _versions[(code, version.Sequence)] = version;
        _highest[code] = count;
        return versions;
    }

    // Shuffled originals, then duplicates anywhere and replays of an older version somewhere after a newer one.
    private void Order(List<CodeVersion> originals, Random random)
    {
        var order = originals.Select(v => (Version: v, Role: EventRole.Original)).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order));
        var extra = originals.Count / 6;
        for (var i = 0; i < extra; i++)
        {
            var duplicate = originals[random.Next(originals.Count)];
            order.Insert(random.Next(order.Count + 1), (duplicate, EventRole.Duplicate));
        }
        for (var i = 0; i < extra; i++)
        {
            var code = _codes[random.Next(_codes.Count)];
            var highest = _highest[code];
            // Prefer an older green version: replayed late, it is the one that could turn a deny into a wrong accept.
            var greens = Enumerable.Range(1, (int)highest - 1).Where(s => _versions[(code, s)].Green).ToArray();
            var older = greens.Length > 0 && random.NextDouble() < 0.7 ? greens[random.Next(greens.Length)] : random.Next(1, (int)highest);
            var newer = random.Next(older + 1, (int)highest + 1);
            var after = order.FindIndex(e => e.Version.Code == code && e.Version.Sequence == newer);
            order.Insert(random.Next(after + 1, order.Count + 1), (_versions[(code, older)], EventRole.Replay));
        }
        _events.AddRange(order.Select((e, i) => new PlannedEvent(i, e.Version, e.Role)));
    }
}
