namespace HealthCode.Translator.Profiles;

/// <summary>One profile file: its bytes compiled as a draft, and its name checked against its id.</summary>
internal static class ProfileFile
{
    public static ProfileDraftResult Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ProfileDraftResult(null, [new ProfileError("$", "the file cannot be read: " + ex.Message)]);
        }

        var result = ProfileDraft.Compile(bytes);
        var id = Path.GetFileNameWithoutExtension(path);
        return result.Profile is { } profile && profile.Id != id
            ? new ProfileDraftResult(null, [new ProfileError("id", $"the id '{profile.Id}' does not match the file name")])
            : result;
    }
}
