namespace HealthCode.Verifier.Catalogs;

/// <summary>
/// A file a reload did not take. File is its full path (or the folder's, when the folder itself is the problem), Path
/// the field as written ("labels.red", "levels[0].reason", "$" for the whole document). PreviousKept says whether the
/// version loaded before stays active; false for a new file, which stays absent.
/// </summary>
public sealed record RefusedFile(string File, string Path, string Message, bool PreviousKept);
