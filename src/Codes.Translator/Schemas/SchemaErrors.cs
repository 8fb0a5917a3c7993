using NJsonSchema.Validation;

namespace HealthCode.Translator.Schemas;

/// <summary>
/// Turns NJsonSchema's error tree into what a person editing the file needs: the field, as written in the file, and
/// the leaf problems. Shared by every loader of data files (region profiles, policies, trust files).
/// </summary>
public static class SchemaErrors
{
    /// <summary>The leaf errors. For oneOf/anyOf only the closest branch (fewest errors) is kept: the one the author meant.</summary>
    public static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var closest = child.Errors.Values.Where(e => e.Count > 0).MinBy(e => e.Count) ?? [];
                var nested = Leaves(closest).ToList();
                if (nested.Count > 0)
                {
                    foreach (var leaf in nested) yield return leaf;
                    continue;
                }
            }
            yield return error;
        }
    }

    /// <summary>NJsonSchema paths look like "#/keys[0].publicKey"; this names the field as a reader of the file would.</summary>
    public static string FieldOf(ValidationError error)
    {
        var path = (error.Path ?? "#").TrimStart('#', '/', '.');
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is not null && !path.EndsWith(error.Property, StringComparison.Ordinal))
            path = path.Length == 0 ? error.Property : $"{path}.{error.Property}";
        return path.Length == 0 ? "$" : path;
    }

    public static string FirstField(IEnumerable<ValidationError> errors) => FieldOf(Leaves(errors).First());

    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", Leaves(errors).Select(e => $"{FieldOf(e)}: {e.Kind}").Distinct());
}
