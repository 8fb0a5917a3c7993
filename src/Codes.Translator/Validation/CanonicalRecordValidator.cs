using FluentValidation;
using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Validation;

/// <summary>
/// Rules every canonical record obeys whatever its region. Property names are the canonical dotted names so the normalizer can
/// report each failure on the native field that fed it. The clock comes from RootContextData[<see cref="NowKey"/>] so tests control it;
/// without it the validator's TimeProvider is used.
/// </summary>
public sealed class CanonicalRecordValidator : AbstractValidator<CanonicalRecord>
{
    public const string NowKey = "now";
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);
    public const int MaxDoses = 20;

    public CanonicalRecordValidator()
        : this(TimeProvider.System)
    {
    }

    public CanonicalRecordValidator(TimeProvider clock)
    {
        RuleFor(r => r.Code.Value).NotEmpty().OverridePropertyName(CanonicalFields.CodeValue);
        RuleFor(r => r.Code.NativeLevel).NotEmpty().OverridePropertyName(CanonicalFields.CodeNativeLevel);
        // Enum.IsDefined<T> rather than IsInEnum(), which reads the enum's attributes by reflection on every record.
        RuleFor(r => r.Code.Level).Must(Enum.IsDefined)
            .WithMessage(r => $"'{(int)r.Code.Level}' is not a canonical level ({string.Join(", ", Enum.GetNames<RiskLevel>())})")
            .OverridePropertyName(CanonicalFields.CodeLevel);
        RuleFor(r => r.Person.Name).NotEmpty().OverridePropertyName(CanonicalFields.PersonName);
        RuleFor(r => r.Person.Document.Type)
            .Must(DocumentTypes.All.Contains)
            .WithMessage(r => $"'{r.Person.Document.Type}' is not a canonical document type ({string.Join(", ", DocumentTypes.All)})")
            .OverridePropertyName(CanonicalFields.DocumentType);
        RuleFor(r => r.Person.Document.Number).NotEmpty().OverridePropertyName(CanonicalFields.DocumentNumber);
        RuleFor(r => r.Person.Document.Number)
            .Custom((number, context) =>
            {
                var problem = context.InstanceToValidate.Person.Document.Type switch
                {
                    DocumentTypes.ResidentId => ResidentIds.Problem(number),
                    DocumentTypes.Hkid => HongKongIds.Problem(number),
                    _ => null,
                };
                if (problem is not null)
                {
                    context.AddFailure(CanonicalFields.DocumentNumber, problem);
                }
            });
        RuleFor(r => r.Person.Nationality)
            .Matches("^[A-Z]{3}$").When(r => r.Person.Nationality is not null)
            .WithMessage("nationality must be an ISO 3166-1 alpha-3 code")
            .OverridePropertyName(CanonicalFields.Nationality);
        RuleFor(r => r.Health!.Nat!.Result)
            .Must(NatResults.All.Contains).When(r => r.Health?.Nat is not null)
            .WithMessage(r => $"'{r.Health!.Nat!.Result}' is not a canonical NAT result ({string.Join(", ", NatResults.All)})")
            .OverridePropertyName(CanonicalFields.NatResult);
        RuleFor(r => r.Health!.Vaccination!.Doses)
            .InclusiveBetween(0, MaxDoses).When(r => r.Health?.Vaccination is not null)
            .WithMessage($"vaccine doses must be between 0 and {MaxDoses}")
            .OverridePropertyName(CanonicalFields.VaccinationDoses);
        RuleFor(r => r.Code.ValidUntil)
            .Must((r, until) => until >= r.Code.StatusAt).When(r => r.Code.ValidUntil is not null)
            .WithMessage("validUntil is before statusAt")
            .OverridePropertyName(CanonicalFields.CodeValidUntil);
        RuleFor(r => r.Code.StatusAt)
            .Custom((statusAt, context) =>
            {
                var now = context.RootContextData.TryGetValue(NowKey, out var value) && value is DateTimeOffset given ? given : clock.GetUtcNow();
                if (statusAt > now + AllowedClockSkew)
                {
                    context.AddFailure(CanonicalFields.CodeStatusAt, $"the status time {statusAt:O} is in the future (now {now.ToUniversalTime():O}; {AllowedClockSkew.TotalMinutes} min skew allowed)");
                }
            });
    }
}
