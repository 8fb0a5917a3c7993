using FluentValidation;
using HealthCode.Api.Contracts;
using HealthCode.Verifier.Policies;

namespace HealthCode.Api.Endpoints;

/// <summary>The shape of a verify request; whether the code can be attributed to an issuer is the service's 422.</summary>
public sealed class VerifyRequestValidator : AbstractValidator<VerifyRequestBody>
{
    public const int MaxCodeLength = 512;
    public const int MaxIdLength = 128;

    public VerifyRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().WithMessage("code is required.")
            .MaximumLength(MaxCodeLength).WithMessage($"code may be at most {MaxCodeLength} characters.")
            .OverridePropertyName("code");
        RuleFor(r => r.Checkpoint).NotNull().WithMessage("checkpoint is required.").OverridePropertyName("checkpoint");
        When(r => r.Checkpoint is not null, () =>
        {
            RuleFor(r => r.Checkpoint!.Region).NotEmpty().Matches("^[0-9]{6}$")
                .WithMessage("checkpoint.region must be a six-digit region code.").OverridePropertyName("checkpoint.region");
            RuleFor(r => r.Checkpoint!.Scene).Must(s => s is not null && Scenes.All.Contains(s))
                .WithMessage($"checkpoint.scene must be one of: {string.Join(", ", Scenes.All.Order(StringComparer.Ordinal))}.")
                .OverridePropertyName("checkpoint.scene");
            RuleFor(r => r.Checkpoint!.Id).MaximumLength(MaxIdLength)
                .WithMessage($"checkpoint.id may be at most {MaxIdLength} characters.").OverridePropertyName("checkpoint.id");
        });
        RuleFor(r => r.Issuer).Matches("^[0-9]{6}$").When(r => !string.IsNullOrEmpty(r.Issuer))
            .WithMessage("issuer must be a six-digit region code.").OverridePropertyName("issuer");
    }
}
