using HealthCode.Verifier.Trust;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Composition;

/// <summary>The data folders must exist: a missing one is a deployment error, not "no regions" or "no region signs".</summary>
public sealed class DataFileOptionsValidator : IValidateOptions<DataFileOptions>
{
    public ValidateOptionsResult Validate(string? name, DataFileOptions options)
    {
        if (!Directory.Exists(options.Regions))
            return ValidateOptionsResult.Fail($"{DataFileOptions.SchemasKey} has no regions folder ({options.Regions} does not exist)");
        if (!Directory.Exists(options.Policies))
            return ValidateOptionsResult.Fail($"{DataFileOptions.SchemasKey} has no policies folder ({options.Policies} does not exist)");
        if (!string.IsNullOrEmpty(options.TrustDirectory) && !Directory.Exists(options.TrustDirectory))
            return ValidateOptionsResult.Fail($"{TrustStore.DirectoryConfigurationKey} is not a folder ({options.TrustDirectory} does not exist)");
        return ValidateOptionsResult.Success;
    }
}
