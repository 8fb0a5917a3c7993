using System.Diagnostics;
using Firely.Fhir.Validation;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.Fhir.Utility;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Firely's R4 validator, offline: the core specification from Hl7.Fhir.Specification.Data.R4 plus the project's own
/// CodeSystems from schemas/fhir. One instance per test run, because the first validation compiles the core
/// StructureDefinitions (seconds, ~200 MiB) and later ones reuse them (milliseconds).
/// </summary>
internal static class FirelyValidation
{
    // Firely's "Cannot resolve reference" (4005) is a warning because FHIR lets a collection bundle point outside
    // itself; HealthCode's bundles never do, so here a reference that does not resolve inside the bundle is an error.
    private const int UnavailableReferencedResource = 4005;

    private static readonly Lazy<Services> Shared = new(Create);

    /// <summary>Resolves the core specification and schemas/fhir/*.json.</summary>
    public static IAsyncResourceResolver Resolver => Shared.Value.Resolver;

    /// <summary>Knows the core code systems and value sets and the project's CodeSystems; not LOINC, SNOMED CT, CVX or ICD-11.</summary>
    public static ICodeValidationTerminologyService Terminology => Shared.Value.Terminology;

    /// <summary>Time to load the specification and run the first validation, which compiles the core profiles.</summary>
    public static TimeSpan ColdStart => Shared.Value.ColdStart;

    public static OperationOutcome Validate(Resource resource) => Shared.Value.Validator.Validate(resource);

    /// <summary>
    /// Validates FHIR JSON text as a client would receive it, in two Firely steps: the strict parser (which alone
    /// rejects, e.g., empty strings and duplicate properties) and the validator on the element model, which also
    /// takes JSON the parser cannot turn into a resource (a choice element given twice).
    /// </summary>
    public static OperationOutcome ValidateJson(string json)
    {
        var outcome = Shared.Value.Validator.Validate(FhirJsonNode.Parse(json).ToPocoNode(ModelInfo.ModelInspector));
        if (!FhirJsonDeserializer.STRICT.TryDeserializeResource(json, out _, out var parserIssues))
        {
            outcome.Issue.AddRange(parserIssues.Select(ParserIssue));
        }

        return outcome;
    }

    public static IReadOnlyList<OperationOutcome.IssueComponent> Errors(OperationOutcome outcome) =>
        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();

    public static IReadOnlyList<OperationOutcome.IssueComponent> Warnings(OperationOutcome outcome) =>
        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Warning).ToList();

    public static string Describe(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        string.Join(Environment.NewLine, issues.Select(i => $"{i.Severity} {i.Code} at {string.Join(",", i.Expression)}: {i.Details?.Text}"));

    private static OperationOutcome.IssueComponent ParserIssue(CodedException issue) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = OperationOutcome.IssueType.Structure,
        Details = new CodeableConcept { Text = $"{issue.ErrorCode} {issue.Message}" },
    };

    private static Services Create()
    {
        var projectCodeSystems = new DirectorySource(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "fhir"));
        var resolver = new CachedResolver(new MultiResolver(ZipSource.CreateValidationSource(), projectCodeSystems));
        var terminology = new LocalTerminologyService(resolver);
        var settings = new ValidationSettings
        {
            TransformIssues = issue => issue.IssueNumber == UnavailableReferencedResource
                ? issue.WithSeverity(OperationOutcome.IssueSeverity.Error)
                : issue,
        };
        var watch = Stopwatch.StartNew();
        var validator = new Validator(resolver, terminology, new NothingOutsideTheBundle(), settings);
        validator.Validate(new Bundle { Type = Bundle.BundleType.Collection });
        return new Services(resolver, terminology, validator, watch.Elapsed);
    }

    private sealed record Services(IAsyncResourceResolver Resolver, ICodeValidationTerminologyService Terminology, Validator Validator, TimeSpan ColdStart);

    /// <summary>Offline: nothing outside the bundle can be fetched, so every reference not found in it is reported.</summary>
    private sealed class NothingOutsideTheBundle : IExternalReferenceResolver
    {
        public System.Threading.Tasks.Task<object?> ResolveAsync(string reference) => System.Threading.Tasks.Task.FromResult<object?>(null);
    }
}
