using HealthCode.Translator.Normalization.Engine;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HealthCode.Translator.Schemas;

/// <summary>schemas/region-profile.schema.json, compiled into the assembly, with errors worded for the person editing a profile.</summary>
internal static class ProfileSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Adds one error per schema violation; the text must already be well-formed JSON.</summary>
    public static void Validate(string json, ProfileErrors errors)
    {
        foreach (var error in SchemaErrors.Leaves(Schema.Value.Validate(json)))
        {
            errors.Add(SchemaErrors.FieldOf(error), Describe(error));
        }
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "is required",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a key of the profile language (see docs/profile-language.md)",
        ValidationErrorKind.NotInEnumeration => $"must be one of: {string.Join(", ", error.Schema?.Enumeration ?? [])}",
        ValidationErrorKind.StringExpected => "must be a string",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.IntegerExpected => "must be an integer",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.ArrayExpected => "must be an array",
        ValidationErrorKind.PatternMismatch => $"does not match {error.Schema?.Pattern}",
        ValidationErrorKind.StringTooShort => "is too short (empty?)",
        ValidationErrorKind.StringTooLong => $"is longer than {error.Schema?.MaxLength} characters",
        ValidationErrorKind.TooFewItems => $"needs at least {error.Schema?.MinItems} entries",
        _ => $"violates the profile schema ({error.Kind})",
    };

    private static JsonSchema Load()
    {
        using var stream = typeof(ProfileSchema).Assembly.GetManifestResourceStream("region-profile.schema.json")
            ?? throw new InvalidOperationException("the region-profile schema is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }
}
