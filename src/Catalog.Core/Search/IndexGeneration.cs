using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Catalog.Core.Search;

/// <summary>
/// One opened index directory, reference-counted so a rebuild never closes it under a search.
/// Every open generation also counts in a process-wide table per path, so cleanup never
/// deletes a directory that any index in this process still reads.
/// </summary>
internal sealed class IndexGeneration
{
    // Path → how many generations have it open (two indexes over one folder open it twice).
    private static readonly Dictionary<string, int> OpenCounts = new(StringComparer.Ordinal);
    private static readonly System.Threading.Lock OpenCountsLock = new();

    private readonly Lucene.Net.Store.Directory _directory;
    private int _references = 1; // the owner's reference, dropped on Retire
    private int _deleteFiles;
    private readonly System.Threading.Lock _suggestionsLock = new();
    private SuggestionList? _suggestions;

    private IndexGeneration(string path, Lucene.Net.Store.Directory directory, SearcherManager manager, IndexColumns columns)
    {
        Path = path;
        _directory = directory;
        Manager = manager;
        Columns = columns;
    }

    public string Path { get; }
    public SearcherManager Manager { get; }
    public IndexColumns Columns { get; }

    /// <summary>True while any generation in this process has <paramref name="path"/> open.</summary>
    public static bool IsOpen(string path)
    {
        lock (OpenCountsLock) return OpenCounts.ContainsKey(path);
    }

    public static IndexGeneration Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(full)) throw new IOException($"{full} does not exist");
        var directory = new SearchDirectory(full);
        try
        {
            if (!DirectoryReader.IndexExists(directory)) throw new IOException($"{full} holds no index");
            var manager = new SearcherManager(directory, null);
            var searcher = manager.Acquire();
            try
            {
                var columns = IndexColumns.Load(searcher.IndexReader);
                // Touch the stored fields once, so a damaged index fails here, not in a search.
                if (columns.MaxDoc > 0) _ = searcher.Doc(columns.MaxDoc - 1).Get(SearchSchema.Json);
                lock (OpenCountsLock) OpenCounts[full] = OpenCounts.GetValueOrDefault(full) + 1;
                return new IndexGeneration(full, directory, manager, columns);
            }
            finally { manager.Release(searcher); }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The completion list of this generation, built once by <paramref name="build"/>.</summary>
    public SuggestionList Suggestions(Func<IndexSearcher, int, SuggestionList> build)
    {
        if (Volatile.Read(ref _suggestions) is { } s) return s;
        lock (_suggestionsLock)
        {
            if (_suggestions is { } built) return built;
            var searcher = Manager.Acquire();
            try
            {
                var entries = build(searcher, Columns.MaxDoc);
                Volatile.Write(ref _suggestions, entries);
                return entries;
            }
            finally { Manager.Release(searcher); }
        }
    }

    public bool TryAcquire()
    {
        while (true)
        {
            var n = Volatile.Read(ref _references);
            if (n == 0) return false;
            if (Interlocked.CompareExchange(ref _references, n + 1, n) == n) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        Manager.Dispose();
        _directory.Dispose();
        bool lastInProcess;
        lock (OpenCountsLock)
        {
            var n = OpenCounts.GetValueOrDefault(Path) - 1;
            if (n <= 0) OpenCounts.Remove(Path); else OpenCounts[Path] = n;
            lastInProcess = n <= 0;
        }
        if (Volatile.Read(ref _deleteFiles) == 1 && lastInProcess)
            try { System.IO.Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Drops the owner's reference; the directory closes (and is deleted, if asked) when the last search ends.</summary>
    public void Retire(bool deleteFiles)
    {
        if (deleteFiles) Volatile.Write(ref _deleteFiles, 1);
        Release();
    }
}
