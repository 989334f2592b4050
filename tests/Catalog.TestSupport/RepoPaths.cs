namespace Catalog.Tests.Support;

/// <summary>Finds the repository (the folder with Catalog.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "seed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return dir.FullName;
        throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder that removes itself.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = NewPath();

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => DeleteQuietly(Path);

    /// <summary>Creates a new, empty folder under the system's temp folder.</summary>
    public static string NewPath() =>
        Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "catalog-test-" + Guid.NewGuid().ToString("N"))).FullName;

    public static void DeleteQuietly(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
