namespace HealthCode.Cli.Reports;

/// <summary>The decisions reached for one issuing region at one checkpoint province, and how many differ from the vectors.</summary>
public sealed record MatrixCell(int Accept, int Deny, int Manual, int Undecided, int Mismatches)
{
    public int Total => Accept + Deny + Manual + Undecided;

    /// <summary>"2a 1d 1m", with "✗1" appended when a decision is not the expected one.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>(5);
            if (Accept > 0) parts.Add($"{Accept}a");
            if (Deny > 0) parts.Add($"{Deny}d");
            if (Manual > 0) parts.Add($"{Manual}m");
            if (Undecided > 0) parts.Add($"{Undecided}?");
            if (Mismatches > 0) parts.Add($"✗{Mismatches}");
            return string.Join(' ', parts);
        }
    }
}
