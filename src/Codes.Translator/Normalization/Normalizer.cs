using FluentValidation;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Engine;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Validation;

namespace HealthCode.Translator.Normalization;

/// <summary>
/// Runs a compiled region profile over a native payload. The profile comes compiled from the catalogue (or a draft); a call
/// does no lookup and no reflection, and allocates little beyond the parsed payload and the record.
/// </summary>
public sealed class Normalizer(IValidator<CanonicalRecord> validator) : INormalizer
{
    public Normalizer()
        : this(new CanonicalRecordValidator())
    {
    }

    public NormalizationResult Normalize(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType, NormalizationContext context)
    {
        if (!MediaTypes.Accepts(profile.Format, contentType))
        {
            return Fail(FailureKind.UnsupportedMediaType, $"region {profile.Id} sends {MediaTypes.ForFormat(profile.Format)}, not {(contentType is null ? "(none)" : Echo.Quote(contentType))}");
        }

        var plan = profile.Plan;
        var read = PayloadReader.Read(plan, body);
        if (read.Payload is null)
        {
            return new NormalizationResult(null, [], read.Failure, read.Detail, read.Errors);
        }

        var builder = new RecordBuilder(plan);
        if (EnvelopeCheck.Passes(plan, read.Payload, builder))
        {
            var paths = ArrayPicker.Pick(plan, read.Payload, builder);
            foreach (var rule in plan.Rules)
            {
                RuleInterpreter.Apply(rule, paths, read.Payload, builder, context);
            }
        }

        foreach (var constant in plan.Constants)
        {
            builder.AssignDefault(constant.Field, constant.Value);
        }

        RecordChecks.CheckCodeValue(plan, builder);
        RecordChecks.ApplyValidity(plan, builder);
        RecordChecks.WarnUnmapped(plan, read.Payload, builder);

        var record = builder.TryBuild();
        if (record is not null)
        {
            Validate(record, builder, context);
        }

        return builder.HasErrors || record is null
            ? new NormalizationResult(null, builder.Warnings, FailureKind.Invalid, "the payload does not satisfy the region profile", builder.Errors)
            : new NormalizationResult(record, builder.Warnings, FailureKind.None, null, RecordBuilder.Empty);
    }

    public CodeValueResult ReadCodeValue(RegionProfile profile, ReadOnlySpan<byte> body, string? contentType)
    {
        if (!MediaTypes.Accepts(profile.Format, contentType))
        {
            return new CodeValueResult(null, FailureKind.UnsupportedMediaType, $"region {profile.Id} sends {MediaTypes.ForFormat(profile.Format)}", RecordBuilder.Empty);
        }

        var plan = profile.Plan;
        var read = PayloadReader.Read(plan, body);
        if (read.Payload is null)
        {
            return new CodeValueResult(null, read.Failure, read.Detail, read.Errors);
        }

        var builder = new RecordBuilder(plan);
        if (EnvelopeCheck.Passes(plan, read.Payload, builder))
        {
            var paths = ArrayPicker.Pick(plan, read.Payload, builder);
            RuleInterpreter.Apply(plan.CodeRule, paths, read.Payload, builder, new NormalizationContext(DateTimeOffset.UnixEpoch));
        }

        if (!builder.HasErrors)
        {
            RecordChecks.CheckCodeValue(plan, builder);
        }

        return builder.HasErrors
            ? new CodeValueResult(null, FailureKind.Invalid, "the code value is missing or invalid", builder.Errors)
            : new CodeValueResult(builder.Get(CanonicalField.CodeValue).Text, FailureKind.None, null, RecordBuilder.Empty);
    }

    private static NormalizationResult Fail(FailureKind kind, string? detail) => new(null, [], kind, detail, RecordBuilder.Empty);

    private void Validate(CanonicalRecord record, RecordBuilder builder, NormalizationContext context)
    {
        var validation = new ValidationContext<CanonicalRecord>(record);
        validation.RootContextData[CanonicalRecordValidator.NowKey] = context.Now;
        var result = validator.Validate(validation);
        foreach (var failure in result.Errors)
        {
            var key = CanonicalFields.TryParse(failure.PropertyName, out var field) ? builder.SourceOf(field) : failure.PropertyName;
            builder.Error(key, failure.ErrorMessage);
        }
    }
}
