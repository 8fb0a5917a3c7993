using System.Text.Json;
using HealthCode.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace HealthCode.Api.DryRun;

/// <summary>
/// Reads and checks a dry-run request. The body is read here, not model-bound, so the 1 MiB limit holds however the
/// request arrives (Kestrel enforces it too; the in-memory test server does not), and a JSON error names its field.
/// What is wrong with the request is a 4xx problem; what is wrong with a sample or a draft is part of the 200 answer.
/// </summary>
public sealed class DryRunRequestReader(DryRunEngine engine, IOptions<JsonOptions> json)
{
    public async Task<(DryRunRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
            return (null, Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                "The content type must be application/json.", "Send the dry run as application/json; each sample carries its own content type."));
        var body = await ReadLimitedAsync(http.Body, http.ContentLength, cancellationToken);
        if (body is null) return (null, Problem.TooLarge(DryRunLimits.MaxBodyBytes));

        DryRunRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DryRunRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            // Where the JSON broke, never the text around it: a payload may carry a person's data.
            var field = e.Path is { Length: > 2 } path ? path[2..] : "$";
            return (null, Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.Malformed, "The body is not a valid dry-run request.",
                new Dictionary<string, string[]> { [field] = [$"not valid here (line {e.LineNumber + 1}, byte {e.BytePositionInLine})"] }));
        }

        var errors = request is null ? new Dictionary<string, string[]> { ["$"] = ["the body must be a JSON object"] } : Check(request);
        return errors.Count == 0
            ? (request, null)
            : (null, Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "The request is invalid.", errors));
    }

    private Dictionary<string, string[]> Check(DryRunRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var hasRegion = !string.IsNullOrEmpty(request.Region);
        if (hasRegion == request.Profile is not null)
            errors[hasRegion ? "profile" : "region"] = ["give exactly one of region (a loaded region's active profile) and profile (a draft)"];
        else if (hasRegion && !engine.IsLoaded(request.Region!))
            errors["region"] = [$"no region '{request.Region}' is loaded"];

        if (request.Samples is not { } samples) errors["samples"] = ["samples is required"];
        else if (samples.Count > DryRunLimits.MaxSamples) errors["samples"] = [$"at most {DryRunLimits.MaxSamples} samples per dry run, not {samples.Count}"];
        else
        {
            for (var i = 0; i < samples.Count; i++)
            {
                if (samples[i] is not { } sample) errors[$"samples[{i}]"] = ["a sample must be an object"];
                else
                {
                    if (string.IsNullOrWhiteSpace(sample.Name)) errors[$"samples[{i}].name"] = ["name is required"];
                    if (string.IsNullOrWhiteSpace(sample.ContentType)) errors[$"samples[{i}].contentType"] = ["contentType is required (application/json or application/xml)"];
                    if (sample.Body is null) errors[$"samples[{i}].body"] = ["body is required: the native payload as a string"];
                    if (sample.At is not null && !SampleTime.TryParse(sample.At, out _)) errors[$"samples[{i}].at"] = [SampleTime.Expected];
                }
            }
        }
        return errors;
    }

    /// <returns>The body, or null when it exceeds <see cref="DryRunLimits.MaxBodyBytes"/> (declared or as it arrives).</returns>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declared, CancellationToken cancellationToken)
    {
        if (declared > DryRunLimits.MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > DryRunLimits.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
