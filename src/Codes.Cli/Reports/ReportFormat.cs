namespace HealthCode.Cli.Reports;

public enum ReportFormat
{
    Junit,
    Markdown,
    Json,
}
