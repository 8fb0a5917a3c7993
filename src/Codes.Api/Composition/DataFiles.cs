using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Trust;

namespace HealthCode.Api.Composition;

/// <summary>
/// Loads the region profiles and policies of <see cref="DataFileOptions"/>. Whoever resolves them first (a hosted
/// service's constructor, <see cref="DataFileCheck"/>, a request) gets a <see cref="DataFileException"/> naming the
/// file and field when one is unusable.
/// </summary>
public static class DataFiles
{
    public static RegionCatalog LoadRegions(DataFileOptions options) =>
        Load(options.Regions, () => RegionCatalog.LoadFromDirectory(options.Regions));

    public static PolicyCatalog LoadPolicies(DataFileOptions options) =>
        Load(options.Policies, () => PolicyCatalog.LoadFromDirectory(options.Policies));

    public static T Load<T>(string folder, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (ProfileLoadException e)
        {
            // The profile loader names the file alone.
            throw new DataFileException(Path.IsPathRooted(e.File) ? e.File : Path.Combine(folder, e.File), e.Field, e.Problem, e);
        }
        catch (PolicyLoadException e)
        {
            throw new DataFileException(e.File, e.Field, e.Problem, e);
        }
        catch (TrustLoadException e)
        {
            throw new DataFileException(e.Origin, e.Field, e.Problem, e);
        }
        catch (Exception e) when (e is not (DataFileException or OutOfMemoryException))
        {
            // A loader that let a reader's exception through: the folder is still what the operator must look at.
            throw new DataFileException(folder, "(file)", e.Message, e);
        }
    }
}
