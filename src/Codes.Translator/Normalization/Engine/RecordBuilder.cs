using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Collects canonical values, their native sources (for error keys), errors and warnings during one call.</summary>
internal sealed class RecordBuilder
{
    private readonly ProfilePlan _profile;
    private readonly CanonicalValue[] _values = new CanonicalValue[CanonicalFields.Names.Length];
    private readonly bool[] _set = new bool[CanonicalFields.Names.Length];
    private readonly string?[] _sources = new string?[CanonicalFields.Names.Length];
    private List<(RiskLevel Level, string Source)>? _levels;
    private Dictionary<string, List<string>>? _errors;

    public RecordBuilder(ProfilePlan profile) => _profile = profile;

    public List<NormalizationWarning> Warnings { get; } = new();

    public bool HasErrors => _errors is not null;

    public void Error(string key, string message)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = new List<string>(1);
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> Errors =>
        _errors?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal) ?? Empty;

    public static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    public bool IsSet(CanonicalField field) => _set[(int)field] || (field == CanonicalField.CodeLevel && _levels is not null);

    /// <summary>The native pointer that fed a canonical field, so that canonical rule failures land on the native field.</summary>
    public string SourceOf(CanonicalField field) =>
        _sources[(int)field] ?? _profile.DefaultSources[(int)field] ?? CanonicalFields.NameOf(field);

    public void Assign(CanonicalField field, CanonicalValue value, string source)
    {
        if (field == CanonicalField.CodeLevel)
        {
            (_levels ??= new List<(RiskLevel, string)>(2)).Add((value.Level, source));
            return;
        }

        var index = (int)field;
        if (_set[index])
        {
            if (_values[index] != value)
            {
                Error(source, $"sets {CanonicalFields.NameOf(field)} to {Echo.Quote(value.Display(CanonicalFields.KindOf(field)))}, which conflicts with {Echo.Quote(_values[index].Display(CanonicalFields.KindOf(field)))} from {_sources[index]}");
            }

            return;
        }

        _values[index] = value;
        _set[index] = true;
        _sources[index] = source;
    }

    /// <summary>Constants never override what the payload said.</summary>
    public void AssignDefault(CanonicalField field, CanonicalValue value)
    {
        if (!_set[(int)field])
        {
            _values[(int)field] = value;
            _set[(int)field] = true;
        }
    }

    public CanonicalValue Get(CanonicalField field) => _values[(int)field];

    private string? Text(CanonicalField field) => _set[(int)field] ? _values[(int)field].Text : null;

    private DateTimeOffset? Time(CanonicalField field) => _set[(int)field] ? _values[(int)field].Time.ToUniversalTime() : null;

    /// <summary>Resolves disagreeing levels: the most restrictive wins (a checkpoint must never see a laxer status than one the region reported).</summary>
    private RiskLevel ResolveLevel()
    {
        var levels = _levels!;
        var winner = levels[0];
        for (var i = 1; i < levels.Count; i++)
        {
            if (levels[i].Level > winner.Level)
            {
                winner = levels[i];
            }
        }

        if (levels.Exists(l => l.Level != winner.Level))
        {
            var said = string.Join(", ", levels.Select(l => $"{l.Source} says {l.Level.ToWire()}"));
            Warnings.Add(new NormalizationWarning(
                WarningCodes.LevelsDisagree,
                $"level fields disagree ({said}); the most restrictive, {winner.Level.ToWire()}, applies",
                levels[0].Source));
        }

        _sources[(int)CanonicalField.CodeLevel] = winner.Source;
        return winner.Level;
    }

    public CanonicalRecord? TryBuild()
    {
        foreach (var field in new[] { CanonicalField.CodeValue, CanonicalField.CodeNativeLevel, CanonicalField.CodeStatusAt, CanonicalField.PersonName, CanonicalField.DocumentType, CanonicalField.DocumentNumber })
        {
            if (!_set[(int)field] && !HasErrors)
            {
                Error(SourceOf(field), $"no value for {CanonicalFields.NameOf(field)}");
            }
        }

        if (_levels is null && !HasErrors)
        {
            Error(SourceOf(CanonicalField.CodeNativeLevel), $"the value {Echo.Quote(Text(CanonicalField.CodeNativeLevel))} establishes no level");
        }

        if (HasErrors)
        {
            return null;
        }

        var level = ResolveLevel();
        var code = new CodeInfo(
            Text(CanonicalField.CodeValue)!,
            level,
            Text(CanonicalField.CodeNativeLevel)!,
            Text(CanonicalField.CodeSubStatus),
            Time(CanonicalField.CodeStatusAt)!.Value,
            Time(CanonicalField.CodeValidUntil));
        var person = new PersonInfo(
            Text(CanonicalField.PersonName)!,
            new DocumentInfo(Text(CanonicalField.DocumentType)!, DocumentNumbers.Normalize(Text(CanonicalField.DocumentNumber)!)),
            Text(CanonicalField.Nationality));

        NatInfo? nat = null;
        if (_set[(int)CanonicalField.NatResult] || _set[(int)CanonicalField.NatSampledAt] || _set[(int)CanonicalField.NatReportedAt])
        {
            // A test time without a result says a test happened but not how it came out.
            nat = new NatInfo(Text(CanonicalField.NatResult) ?? NatResults.Unknown, Time(CanonicalField.NatSampledAt), Time(CanonicalField.NatReportedAt));
        }

        var vaccination = _set[(int)CanonicalField.VaccinationDoses] ? new VaccinationInfo(checked((int)Math.Clamp(_values[(int)CanonicalField.VaccinationDoses].Integer, int.MinValue, int.MaxValue))) : null;
        var travel = _set[(int)CanonicalField.TravelRiskAreaVisit] ? new TravelInfo(_values[(int)CanonicalField.TravelRiskAreaVisit].Boolean) : null;
        var health = nat is null && vaccination is null && travel is null ? null : new HealthInfo(nat, vaccination, travel);
        return new CanonicalRecord(CanonicalRecord.CurrentSchemaVersion, _profile.Definition.Id, code, person, health);
    }
}
