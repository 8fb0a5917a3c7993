using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FluentValidation;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Engine;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Validation;

namespace HealthCode.Translator.Normalization;

/// <summary>
/// Runs a region profile over a native payload. Profiles are compiled once; a call does no reflection and allocates
/// little beyond the parsed payload and the record.
/// </summary>
public sealed class Normalizer : INormalizer
{
    private readonly IRegionCatalog _catalog;
    private readonly IValidator<CanonicalRecord> _validator;
    private readonly ConcurrentDictionary<string, CompiledProfile> _compiled = new(StringComparer.Ordinal);

    public Normalizer(IRegionCatalog catalog, IValidator<CanonicalRecord> validator)
    {
        _catalog = catalog;
        _validator = validator;
    }

    public Normalizer(IRegionCatalog catalog)
        : this(catalog, new CanonicalRecordValidator())
    {
    }

    public NormalizationResult Normalize(string region, ReadOnlySpan<byte> body, string? contentType, NormalizationContext context)
    {
        var profile = Compiled(region);
        if (profile is null)
        {
            return Fail(FailureKind.UnknownRegion, $"unknown region {Echo.Quote(region)}");
        }

        if (!MediaTypes.Accepts(profile.Profile.Format, contentType))
        {
            return Fail(FailureKind.UnsupportedMediaType, $"region {region} sends {MediaTypes.ForFormat(profile.Profile.Format)}, not {(contentType is null ? "(none)" : Echo.Quote(contentType))}");
        }

        var read = PayloadReader.Read(profile.Profile.Format, profile.Profile.XmlRoot, body);
        if (read.Payload is null)
        {
            return read.ErrorKey is null
                ? Fail(read.Failure, read.Detail)
                : new NormalizationResult(null, [], read.Failure, read.Detail, new Dictionary<string, string[]> { [read.ErrorKey] = [read.Detail!] });
        }

        var payload = read.Payload;
        var builder = new RecordBuilder(profile);
        foreach (var rule in profile.Rules)
        {
            Apply(rule, payload, builder, context);
        }

        foreach (var constant in profile.Constants)
        {
            builder.AssignDefault(constant.Field, constant.Value);
        }

        CheckCodeValue(profile, builder);
        ApplyValidity(profile, builder);
        WarnUnmapped(profile, payload, builder);

        var record = builder.TryBuild();
        if (record is not null)
        {
            Validate(record, builder, context);
        }

        return builder.HasErrors || record is null
            ? new NormalizationResult(null, builder.Warnings, FailureKind.Invalid, "the payload does not satisfy the region profile", builder.Errors)
            : new NormalizationResult(record, builder.Warnings, FailureKind.None, null, RecordBuilder.Empty);
    }

    public CodeValueResult ReadCodeValue(string region, ReadOnlySpan<byte> body, string? contentType)
    {
        var profile = Compiled(region);
        if (profile is null)
        {
            return new CodeValueResult(null, FailureKind.UnknownRegion, $"unknown region {Echo.Quote(region)}", RecordBuilder.Empty);
        }

        if (!MediaTypes.Accepts(profile.Profile.Format, contentType))
        {
            return new CodeValueResult(null, FailureKind.UnsupportedMediaType, $"region {region} sends {MediaTypes.ForFormat(profile.Profile.Format)}", RecordBuilder.Empty);
        }

        var read = PayloadReader.Read(profile.Profile.Format, profile.Profile.XmlRoot, body);
        if (read.Payload is null)
        {
            return new CodeValueResult(null, read.Failure, read.Detail,
                read.ErrorKey is null ? RecordBuilder.Empty : new Dictionary<string, string[]> { [read.ErrorKey] = [read.Detail!] });
        }

        var builder = new RecordBuilder(profile);
        Apply(profile.CodeRule, read.Payload, builder, new NormalizationContext(DateTimeOffset.UnixEpoch));
        if (!builder.HasErrors)
        {
            CheckCodeValue(profile, builder);
        }

        return builder.HasErrors
            ? new CodeValueResult(null, FailureKind.Invalid, "the code value is missing or invalid", builder.Errors)
            : new CodeValueResult(builder.Get(CanonicalField.CodeValue).Text, FailureKind.None, null, RecordBuilder.Empty);
    }

    private CompiledProfile? Compiled(string region)
    {
        var profile = _catalog.Find(region);
        if (profile is null)
        {
            return null;
        }

        if (_catalog is RegionCatalog catalog && catalog.CompiledFor(profile) is { } precompiled)
        {
            return precompiled;
        }

        var compiled = _compiled.GetOrAdd(profile.Id, _ => ProfileCompiler.Compile(profile, profile.Id + ".json"));
        return ReferenceEquals(compiled.Profile, profile)
            ? compiled
            : _compiled[profile.Id] = ProfileCompiler.Compile(profile, profile.Id + ".json");
    }

    private static NormalizationResult Fail(FailureKind kind, string? detail) => new(null, [], kind, detail, RecordBuilder.Empty);

    private static void Apply(CompiledRule rule, NativePayload payload, RecordBuilder builder, NormalizationContext context)
    {
        var found = payload.TryGet(rule.Path, out var node) && !node.IsEmpty;
        var presentButEmpty = !found && payload.TryGet(rule.Path, out _);
        var pointer = rule.Pointer;
        if (!found)
        {
            foreach (var alternative in rule.Alternatives)
            {
                if (payload.TryGet(alternative, out node) && !node.IsEmpty)
                {
                    found = true;
                    pointer = NativePayload.Pointer(alternative);
                    break;
                }
            }
        }

        if (rule.PresentWhenPath is not null)
        {
            var conditionMet = payload.TryGet(rule.PresentWhenPath, out var condition) && rule.PresentWhenValues!.Contains(condition.Text);
            if (conditionMet && !found)
            {
                builder.Error(pointer, $"is required when /{rule.PresentWhenPath} is {string.Join(" or ", rule.PresentWhenValues!)}");
                return;
            }

            if (!conditionMet && (found || presentButEmpty))
            {
                builder.Error(pointer, $"is not allowed unless /{rule.PresentWhenPath} is {string.Join(" or ", rule.PresentWhenValues!)}");
                return;
            }
        }

        if (!found)
        {
            if (rule.FallbackToEventTime)
            {
                var time = context.EventTime ?? context.Now;
                builder.Assign(rule.To!.Value, new CanonicalValue(Time: time), pointer);
                builder.Warnings.Add(new NormalizationWarning(
                    WarningCodes.StatusTimeMissing,
                    context.EventTime is null ? "no status time in the payload: the receipt time is used" : "no status time in the payload: the event time is used",
                    pointer));
            }
            else if (rule.Required)
            {
                builder.Error(pointer, presentButEmpty ? "must not be empty" : "is required");
            }

            return;
        }

        switch (rule.Type)
        {
            case NativeType.Object:
                if (node.Kind != NodeKind.Object)
                {
                    builder.Error(pointer, "must be an object");
                }

                return;
            case NativeType.String when node.Kind is not (NodeKind.String or NodeKind.XmlText):
                builder.Error(pointer, $"must be a string, not {Describe(node.Kind)}");
                return;
            case NativeType.Integer when !node.TryGetInteger(out _):
                builder.Error(pointer, node.Kind is NodeKind.String or NodeKind.XmlText ? $"must be an integer, not the string {Echo.Quote(node.Text)}" : $"must be an integer, not {Describe(node.Kind)}");
                return;
        }

        var text = node.KeyText(rule.Type);
        if (rule.Pattern is not null && !SafeMatch(rule.Pattern, text))
        {
            builder.Error(pointer, $"{Echo.Quote(text)} does not match {rule.Pattern}");
            return;
        }

        if (rule.Map is not null)
        {
            if (!rule.Map.TryGetValue(text, out var assignments))
            {
                builder.Error(pointer, $"{Echo.Quote(text)} is not an allowed value; allowed: {rule.AllowedValues}");
                return;
            }

            foreach (var assignment in assignments)
            {
                builder.Assign(assignment.Field, assignment.Value, pointer);
            }
        }

        if (rule.To is not { } to)
        {
            return;
        }

        if (rule.Time is not null)
        {
            if (rule.Time.TryRead(node, out var time))
            {
                builder.Assign(to, new CanonicalValue(Time: time), pointer);
            }
            else
            {
                builder.Error(pointer, $"{Echo.Quote(text)} is not a valid time in format {rule.Time.Describe}");
            }

            return;
        }

        if (CanonicalFields.KindOf(to) == CanonicalKind.Integer)
        {
            node.TryGetInteger(out var number);
            builder.Assign(to, new CanonicalValue(Integer: number), pointer);
            return;
        }

        builder.Assign(to, new CanonicalValue(Text: text), pointer);
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Number => "a number",
        NodeKind.Boolean => "a boolean",
        NodeKind.Array => "an array",
        NodeKind.Object => "an object",
        _ => "a string",
    };

    private static bool SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void CheckCodeValue(CompiledProfile profile, RecordBuilder builder)
    {
        if (builder.IsSet(CanonicalField.CodeValue) && !SafeMatch(profile.CodeRegex, builder.Get(CanonicalField.CodeValue).Text!))
        {
            builder.Error(builder.SourceOf(CanonicalField.CodeValue), $"{Echo.Quote(builder.Get(CanonicalField.CodeValue).Text)} does not match the code pattern {profile.Profile.CodePattern} of region {profile.Profile.Id}");
        }
    }

    private static void ApplyValidity(CompiledProfile profile, RecordBuilder builder)
    {
        if (!builder.IsSet(CanonicalField.CodeStatusAt) || (profile.EndOfDayZone is null && profile.ValidFor is null))
        {
            return;
        }

        var statusAt = builder.Get(CanonicalField.CodeStatusAt).Time;
        DateTimeOffset? until = null;
        if (profile.EndOfDayZone is { } zone)
        {
            var local = TimeZoneInfo.ConvertTime(statusAt, zone);
            var end = local.Date.AddDays(1).AddSeconds(-1);
            until = new DateTimeOffset(end, zone.GetUtcOffset(end));
        }

        if (profile.ValidFor is { } span)
        {
            var after = statusAt + span;
            until = until is null || after < until ? after : until;
        }

        builder.Assign(CanonicalField.CodeValidUntil, new CanonicalValue(Time: until!.Value), builder.SourceOf(CanonicalField.CodeStatusAt));
    }

    private static void WarnUnmapped(CompiledProfile profile, NativePayload payload, RecordBuilder builder)
    {
        foreach (var leaf in payload.Leaves)
        {
            if (profile.ConsumedPaths.Contains(leaf))
            {
                continue;
            }

            var pointer = NativePayload.Pointer(leaf);
            var message = profile.Informational.TryGetValue(leaf, out var reason)
                ? $"{pointer} is informational and not carried into the canonical record: {reason}"
                : $"{pointer} is not described by the {profile.Profile.Id} profile and was ignored";
            builder.Warnings.Add(new NormalizationWarning(WarningCodes.FieldNotMapped, message, pointer));
        }
    }

    private void Validate(CanonicalRecord record, RecordBuilder builder, NormalizationContext context)
    {
        var validation = new ValidationContext<CanonicalRecord>(record);
        validation.RootContextData[CanonicalRecordValidator.NowKey] = context.Now;
        var result = _validator.Validate(validation);
        foreach (var failure in result.Errors)
        {
            var key = CanonicalFields.TryParse(failure.PropertyName, out var field) ? builder.SourceOf(field) : failure.PropertyName;
            builder.Error(key, failure.ErrorMessage);
        }
    }
}
