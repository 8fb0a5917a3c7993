using System.Diagnostics.CodeAnalysis;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// A decision (Response), or a refusal with its Problems: Invalid (the API answers 400) when the request is malformed
/// or names an unknown place, Unprocessable (422) when it is well formed but the code cannot be attributed to an issuer.
/// </summary>
public sealed record VerifyOutcome
{
    private VerifyOutcome(VerifyResponse? response, IReadOnlyList<VerifyProblem> problems, bool invalid)
    {
        Response = response;
        Problems = problems;
        IsInvalid = invalid;
    }

    public VerifyResponse? Response { get; }
    public IReadOnlyList<VerifyProblem> Problems { get; }
    public bool IsInvalid { get; }

    [MemberNotNullWhen(false, nameof(Response))]
    public bool IsRefused => Response is null;

    public bool IsUnprocessable => IsRefused && !IsInvalid;

    public static VerifyOutcome Decided(VerifyResponse response) => new(response ?? throw new ArgumentNullException(nameof(response)), [], false);

    public static VerifyOutcome Invalid(IReadOnlyList<VerifyProblem> problems) =>
        problems is { Count: > 0 } ? new(null, problems, true) : throw new ArgumentException("An invalid request names its problems.", nameof(problems));

    public static VerifyOutcome Unprocessable(VerifyProblem problem) => new(null, [problem ?? throw new ArgumentNullException(nameof(problem))], false);
}
