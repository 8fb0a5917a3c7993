using System.Net;
using HealthCode.Cli.Output;
using HealthCode.Cli.Snapshots;
using HealthCode.Verifier.Regional.Snapshots;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>
/// hc snapshot push: streams an NDJSON snapshot to the hub (never read whole), then follows its status until done, with
/// progress bars on a terminal. Exit 0: done, no line rejected. 1: done with rejected lines, failed, not finished in
/// time, or the hub could not take it now (409 another runs, 5xx, unreachable). 2: bad input, including a request the
/// hub refused as such (400, 401, 403, 404, 413, 415).
/// </summary>
public sealed class SnapshotPushCommand(CliOutput output) : AsyncCommand<SnapshotPushSettings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private const int MaxFailedReads = 30;
    private static readonly int[] BadInputAnswers = [400, 401, 403, 404, 413, 415];

    public override async Task<int> ExecuteAsync(CommandContext context, SnapshotPushSettings settings, CancellationToken cancellationToken)
    {
        var region = settings.Region ?? SnapshotRegion.Detect(settings.File, settings.ProfilesDirectory);
        using var http = new HttpClient { BaseAddress = settings.ServerUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey);
        var client = new SnapshotClient(http);
        var size = new FileInfo(settings.File).Length;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));

        PushAnswer answer;
        SnapshotStatus? final = null;
        try
        {
            if (output.Console.Profile.Capabilities.Interactive)
            {
                (answer, final) = await WithProgressAsync(client, region, settings, size, deadline.Token);
            }
            else
            {
                await using var body = new UploadStream(File.OpenRead(settings.File), _ => { });
                answer = await client.PushAsync(region, settings.Prune, body, deadline.Token);
                if (answer.Accepted) final = await FollowAsync(client, answer.Location!, _ => { }, deadline.Token);
            }
        }
        catch (HttpRequestException e)
        {
            output.Error($"{settings.ServerUri}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            output.Error($"the snapshot did not finish within {settings.Timeout} s; it may still be running on the hub");
            return 1;
        }

        if (!answer.Accepted)
        {
            output.Error($"the hub refused the snapshot ({answer.HttpStatus}): {answer.Problem}");
            return BadInputAnswers.Contains(answer.HttpStatus) ? 2 : 1;
        }
        Report(final!, answer.Location!);
        return final!.State == SnapshotState.Done && final.Rejected == 0 ? 0 : 1;
    }

    private async Task<(PushAnswer, SnapshotStatus?)> WithProgressAsync(SnapshotClient client, string region, SnapshotPushSettings settings, long size,
        CancellationToken ct)
    {
        PushAnswer answer = null!;
        SnapshotStatus? final = null;
        await output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"upload to {region}", maxValue: Math.Max(1, size));
                await using var body = new UploadStream(File.OpenRead(settings.File), read => upload.Value = read);
                answer = await client.PushAsync(region, settings.Prune, body, ct);
                upload.Value = upload.MaxValue;
                if (!answer.Accepted) return;
                var apply = progress.AddTask("apply", maxValue: Math.Max(1, body.Lines));
                final = await FollowAsync(client, answer.Location!, status => apply.Value = status.Lines, ct);
                apply.Value = apply.MaxValue;
            });
        return (answer, final);
    }

    // A busy hub may answer a status read 503 (or drop the connection) while the snapshot runs fine: such answers are
    // retried until MaxFailedReads in a row; anything else (404, 403) ends the wait.
    private static async Task<SnapshotStatus> FollowAsync(SnapshotClient client, Uri location, Action<SnapshotStatus> seen, CancellationToken ct)
    {
        var failed = 0;
        while (true)
        {
            try
            {
                var status = await client.StatusAsync(location, ct);
                failed = 0;
                seen(status);
                if (status.State != SnapshotState.Running) return status;
            }
            catch (HttpRequestException e) when (e.StatusCode is null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
                                                 && ++failed < MaxFailedReads)
            {
                // Retried below.
            }
            await Task.Delay(failed == 0 ? PollInterval : PollInterval * Math.Min(failed, 10), ct);
        }
    }

    private void Report(SnapshotStatus status, Uri location)
    {
        var console = output.Console;
        var took = (status.FinishedAt ?? DateTimeOffset.UtcNow) - status.StartedAt;
        var color = status.State == SnapshotState.Done && status.Rejected == 0 ? "green" : "red";
        console.MarkupLine($"[{color}]snapshot {Markup.Escape(status.Id)} of {Markup.Escape(status.Region)}: {status.State.ToString().ToLowerInvariant()}[/]" +
                           (status.Error is null ? "" : $" ({Markup.Escape(status.Error)})") + $" [grey]{Markup.Escape(location.ToString())}[/]");
        var table = new Table().AddColumn("lines").AddColumn("applied").AddColumn("current").AddColumn("hub ahead").AddColumn("rejected")
            .AddColumn("missing from snapshot").AddColumn("revoked");
        table.AddRow(new[] { status.Lines, status.Applied, status.Current, status.HubAhead, status.Rejected, status.MissingFromSnapshot, status.Revoked }
            .Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        console.Write(table);
        console.MarkupLine($"[grey]{took.TotalSeconds:F1} s, {status.Lines / Math.Max(took.TotalSeconds, 0.001):F0} lines/s[/]");
        if (status.HubAhead > 0) console.MarkupLine("[yellow]the hub holds newer sequences for some codes: look into them; they were not applied[/]");
        if (status.PruneSkipped is { } skipped) console.MarkupLine($"[yellow]prune skipped: {Markup.Escape(skipped)}[/]");
        if (status.Rejected > 0)
            console.MarkupLine($"[red]{status.Rejected} line(s) rejected:[/] GET /v1/regions/{Markup.Escape(status.Region)}/rejections lists them with their line numbers");
    }
}
