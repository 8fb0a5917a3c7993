using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HealthCode.Api.Contracts;
using HealthCode.Api.DryRun;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Makes the schemas say what the wire carries: levels, decisions and every other enum as typed string enums, times as
/// date-time strings (our converters write both), and the closed vocabularies that the C# types hold as plain strings:
/// scenes, reasons (the fixed ones and those the loaded policies name), levels in region and translate answers, and
/// health states.
/// </summary>
public sealed class WireSchemas(IPolicyCatalog policies) : IOpenApiSchemaTransformer
{
    public static readonly string[] Levels = [.. Enum.GetValues<RiskLevel>().Select(l => l.ToWire())];
    public static readonly string[] HealthStates = [.. Enum.GetNames<HealthStatus>()];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null;
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(RiskLevel))
        {
            SetType(schema, JsonSchemaType.String, nullable);
            schema.Enum = [.. Levels.Select(l => (JsonNode)JsonValue.Create(l))];
        }
        else if (type == typeof(DateTimeOffset))
        {
            SetType(schema, JsonSchemaType.String, nullable);
            schema.Format = "date-time";
        }
        else if (type.IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            SetType(schema, JsonSchemaType.String, nullable);
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object) MatchWireRequired(schema, context.JsonTypeInfo);

        if (context.JsonPropertyInfo is { } property && Vocabulary(property.DeclaringType, property.Name) is { } words)
        {
            var target = words.At switch
            {
                Place.Items => schema.Items as OpenApiSchema,
                Place.MapValues => schema.AdditionalProperties as OpenApiSchema,
                _ => schema,
            };
            if (target is not null)
            {
                target.Type = words.Nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                target.Enum = [.. words.List.Select(v => (JsonNode)JsonValue.Create(v)), .. words.Nullable ? [null!] : Array.Empty<JsonNode>()];
            }
        }
        return Task.CompletedTask;
    }

    // Nulls are omitted on the wire (JsonSetup), so a nullable member is optional whatever its constructor says, unless it
    // is always written ([JsonIgnore(Condition = Never)]) or a request member that must be given (RequiredMembers).
    private static void MatchWireRequired(OpenApiSchema schema, JsonTypeInfo type)
    {
        if (schema.Required is null || schema.Properties is null) return;
        foreach (var member in type.Properties)
        {
            if (RequiredMembers.Contains(type.Type.Name, member.Name)) continue;
            if (!IsNullable(member) || AlwaysWritten(member)) continue;
            schema.Required.Remove(member.Name);
        }
    }

    private static bool IsNullable(JsonPropertyInfo member) =>
        Nullable.GetUnderlyingType(member.PropertyType) is not null || (!member.PropertyType.IsValueType && member.IsGetNullable);

    private static bool AlwaysWritten(JsonPropertyInfo member) =>
        member.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition == JsonIgnoreCondition.Never) == true;

    /// <summary>Every reason a verify answer can carry: the fixed codes and the reasons the loaded policies name.</summary>
    public IReadOnlyList<string> Reasons() =>
    [
        .. ReasonCodes.All
            .Concat(policies.All.SelectMany(p => p.Levels.Select(l => l.Reason).OfType<string>().Concat(p.Requirements.Select(r => r.Reason))))
            .Distinct(StringComparer.Ordinal),
    ];

    private enum Place { Self, Items, MapValues }

    // A property whose C# type is a plain string (or a list or map of them) but whose values form a closed set.
    private sealed record Words(IReadOnlyList<string> List, Place At = Place.Self, bool Nullable = false);

    private Words? Vocabulary(Type declaring, string name) => (declaring.Name, name) switch
    {
        (nameof(CheckpointBody) or nameof(DryRunCheckpoint), "scene") => new Words(Scenes()),
        (nameof(VerifyResponse) or nameof(DryRunVerify), "reasons") => new Words(Reasons(), Place.Items),
        (nameof(TranslateResponse), "level") or (nameof(RegionLevel), "worstCase") => new Words(Levels),
        (nameof(RegionLevel), "level") => new Words(Levels, Nullable: true),
        (nameof(RegionLevel), "details") => new Words(Levels, Place.MapValues),
        (nameof(HealthBody) or nameof(HealthCheckBody), "status") => new Words(HealthStates),
        _ => null,
    };

    // Ordered as DESIGN.md §5 lists them.
    public static IReadOnlyList<string> Scenes() => [Verifier.Policies.Scenes.General, Verifier.Policies.Scenes.Transport,
        Verifier.Policies.Scenes.Venue, Verifier.Policies.Scenes.Hospital, Verifier.Policies.Scenes.Border];

    private static void SetType(OpenApiSchema schema, JsonSchemaType type, bool nullable) =>
        schema.Type = type | (nullable ? JsonSchemaType.Null : (schema.Type ?? 0) & JsonSchemaType.Null);
}
