using System.Text.Json;
using Catalog.Core.Programs;
using Directory = System.IO.Directory;

namespace Catalog.Core.Search;

/// <summary>
/// The index's files in the data folder: generation directories (<c>index-NNNNNN</c>), the
/// pointer file naming the current one (<c>index.json</c>, replaced by a rename), and the
/// lock file that serialises builds across processes (<c>index.lock</c>).
/// </summary>
internal sealed class IndexFolder(string dataPath)
{
    public const string PointerFile = "index.json";
    private const string DirectoryPrefix = "index-";

    public string DataPath => dataPath;

    public sealed record Pointer(string Directory, string Analysis, long ImportRun);

    public string PathOf(string directory) => Path.GetFullPath(Path.Combine(dataPath, directory));

    /// <summary>The name of a new generation directory, after every existing one.</summary>
    public string NextName()
    {
        Directory.CreateDirectory(dataPath);
        var max = 0;
        foreach (var dir in Directory.EnumerateDirectories(dataPath, DirectoryPrefix + "*"))
            if (int.TryParse(Path.GetFileName(dir)[DirectoryPrefix.Length..], out var n)) max = Math.Max(max, n);
        return DirectoryPrefix + (max + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes generation directories other than <paramref name="keep"/> that no index in this process has open.</summary>
    public void RemoveStale(string keep)
    {
        foreach (var dir in Directory.EnumerateDirectories(dataPath, DirectoryPrefix + "*"))
        {
            if (Path.GetFileName(dir) == keep) continue;
            // A directory still searched by a retired generation goes when that generation closes.
            if (IndexGeneration.IsOpen(Path.GetFullPath(dir))) continue;
            DeleteQuietly(dir);
        }
    }

    public static void DeleteQuietly(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // An exclusive open of data/index.lock: .NET takes an advisory lock on it (flock on Unix),
    // which another process's exclusive open respects. Released when disposed or when the process dies.
    public FileStream? AcquireBuildLock(TimeSpan wait)
    {
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, "index.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try { return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (waited.Elapsed < wait) { Thread.Sleep(100); }
            catch (IOException) when (wait == TimeSpan.Zero) { return null; }
        }
    }

    public Pointer? ReadPointer()
    {
        var file = Path.Combine(dataPath, PointerFile);
        try
        {
            var p = JsonSerializer.Deserialize<Pointer>(File.ReadAllText(file), ProgramJson.Compact);
            return p is null || !p.Directory.StartsWith(DirectoryPrefix, StringComparison.Ordinal) || p.Directory.Contains('/') || p.Directory.Contains('\\') ? null : p;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    public void WritePointer(Pointer pointer)
    {
        var file = Path.Combine(dataPath, PointerFile);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(pointer, ProgramJson.Compact));
        File.Move(temp, file, overwrite: true); // rename: readers see the old pointer or the new one
    }
}
