namespace Catalog.Tests.Support;

/// <summary>
/// The repository's seed as the service leaves it after its first start (database, revisions and
/// index), made once per test process by a real start with the real seed-on-start import, then
/// copied into each new server's own data folder. A seeded server then costs a folder copy instead
/// of an import and an index build, and every test still has a folder of its own to change.
/// </summary>
public static class SeededCatalogue
{
    private static readonly Lazy<Task<string>> Template = new(MakeTemplateAsync);

    /// <summary>Whether <paramref name="seedPath"/> is the repository's own seed folder.</summary>
    public static bool IsRepositorySeed(string seedPath) =>
        Path.GetFullPath(seedPath).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(RepoPaths.Seed).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>A new temporary data folder holding the seeded catalogue.</summary>
    public static async Task<string> CopyAsync()
    {
        var copy = TempFolder.NewPath();
        await CopyIntoAsync(copy);
        return copy;
    }

    /// <summary>Fills the (empty) data folder <paramref name="copy"/> with the seeded catalogue.</summary>
    public static async Task CopyIntoAsync(string copy)
    {
        var template = await Template.Value;
        foreach (var dir in Directory.GetDirectories(template, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(copy, Path.GetRelativePath(template, dir)));
        foreach (var file in Directory.GetFiles(template, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(copy, Path.GetRelativePath(template, file)));
    }

    private static async Task<string> MakeTemplateAsync()
    {
        var folder = TempFolder.NewPath();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.DeleteQuietly(folder);
        // Stopped and disposed before it is copied: SQLite has checkpointed and nothing holds the index.
        await using (await CatalogTestServer.StartImportingAsync(RepoPaths.Seed, folder)) { }
        return folder;
    }
}
