namespace HealthCode.Cli.Engine;

/// <summary>A temporary folder removed on dispose: the libraries load profiles and policies by folder, a lint or a draft is one file.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Path = Directory.CreateTempSubdirectory("hc-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the command over it is not.
        }
    }
}
