using System.Diagnostics.CodeAnalysis;

namespace HealthCode.Verifier.Verification;

/// <summary>Either a decision (Response) or an unprocessable request (Problem → 422). Never both.</summary>
public sealed record VerifyOutcome
{
    private VerifyOutcome(VerifyResponse? response, VerifyProblem? problem)
    {
        Response = response;
        Problem = problem;
    }

    public VerifyResponse? Response { get; }
    public VerifyProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Response))]
    public bool IsUnprocessable => Problem is not null;

    public static VerifyOutcome Decided(VerifyResponse response) => new(response ?? throw new ArgumentNullException(nameof(response)), null);
    public static VerifyOutcome Unprocessable(VerifyProblem problem) => new(null, problem ?? throw new ArgumentNullException(nameof(problem)));
}
