namespace HealthCode.Testing;

/// <summary>
/// One checkpoint verify over HTTP against a real process: which instance and code, when it was asked, what came back
/// (Status 0: no HTTP answer at all, see Error). Sequence is the status the decision was made on (null: none).
/// </summary>
public sealed record VerifyAnswer(string Instance, string Code, TimeSpan Started, TimeSpan Finished, int Status, string? Decision,
    string[] Reasons, long? Sequence, string? Error);
