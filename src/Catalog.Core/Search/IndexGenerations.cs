using Catalog.Core.Programs;
using Catalog.Core.Store;
using Microsoft.Extensions.Logging;

namespace Catalog.Core.Search;

/// <summary>
/// The index's life: derived from the store, never the reverse. Each rebuild writes a new
/// generation directory beside the current one and then swaps the pointer file, so a search
/// sees the old index or the new one, never half of one. Old directories are removed once no
/// search uses them. Only <see cref="Open"/>, <see cref="Rebuild"/> and <see cref="Follow"/>
/// build or wait; a search only takes the current generation (<see cref="Acquire"/>).
/// </summary>
internal sealed class IndexGenerations(CatalogOptions options, ProgramStore store, CatalogAnalyzers analyzers, ILogger logger, Action<IndexGeneration> onCurrent) : IDisposable
{
    private static readonly TimeSpan BuildLockWait = TimeSpan.FromMinutes(10);

    private readonly IndexFolder _folder = new(options.DataPath);
    private readonly System.Threading.Lock _rebuildLock = new();
    private IndexGeneration? _current;
    private volatile bool _disposed;

    public int Rebuilds { get; private set; }

    /// <summary>Opens the current index, or builds it when it is missing, unreadable, or older than the store.</summary>
    public void Open()
    {
        lock (_rebuildLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is not null) return;
            if (TryOpenPointer()) return;
            RebuildLocked();
        }
    }

    /// <summary>Builds a fresh index from the store and swaps it in.</summary>
    public void Rebuild()
    {
        lock (_rebuildLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RebuildLocked();
        }
    }

    /// <summary>
    /// Catches up with what another process did to the same data folder (an `import` or `reindex`
    /// verb beside the running service): opens the index it built, or rebuilds when the store has
    /// an import no index holds yet (say, an import whose process died before indexing).
    /// </summary>
    public void Follow()
    {
        lock (_rebuildLock)
        {
            if (_disposed || _current is null || SwitchToCurrentPointer()) return; // not opened yet: Open() does the same checks
            using var building = _folder.AcquireBuildLock(TimeSpan.Zero);
            if (building is null || SwitchToCurrentPointer()) return; // another process is building: look again later
            RebuildLocked(building);
        }
    }

    /// <summary>
    /// The current generation, with a reference the caller releases. Never builds and never
    /// waits: before the index is open it opens an up-to-date index already on disk or fails.
    /// </summary>
    public IndexGeneration Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var g = Volatile.Read(ref _current);
            if (g is null)
            {
                if (!_rebuildLock.TryEnter()) throw new SearchIndexUnavailableException();
                try
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    if (_current is null && !TryOpenPointer()) throw new SearchIndexUnavailableException();
                }
                finally { _rebuildLock.Exit(); }
                continue;
            }
            if (g.TryAcquire()) return g;
        }
    }

    // Opens the index the pointer names when it was built from the store's latest import with this analysis.
    private bool TryOpenPointer()
    {
        var pointer = _folder.ReadPointer();
        if (pointer is null || pointer.Analysis != analyzers.Fingerprint || pointer.ImportRun != store.LastImportRunId()) return false;
        try
        {
            var next = IndexGeneration.Open(_folder.PathOf(pointer.Directory));
            Volatile.Write(ref _current, next);
            logger.LogInformation("Opened the search index {Directory} ({Docs} programs)", pointer.Directory, next.Columns.MaxDoc);
            onCurrent(next);
            _folder.RemoveStale(pointer.Directory);
            return true;
        }
        catch (Exception e) // whatever a damaged index throws, the cure is the same: rebuild from the store
        {
            logger.LogWarning(e, "The search index {Directory} is unreadable; rebuilding it", pointer.Directory);
            return false;
        }
    }

    // True when the pointer names an index of the store's latest import; switches to it when it is
    // not the one in use.
    private bool SwitchToCurrentPointer()
    {
        var pointer = _folder.ReadPointer();
        if (pointer is null || pointer.Analysis != analyzers.Fingerprint || pointer.ImportRun != store.LastImportRunId()) return false;
        var path = _folder.PathOf(pointer.Directory);
        if (path == _current?.Path) return true;
        var next = IndexGeneration.Open(path);
        // The process that built it removes the old folder; this one only stops using it.
        Interlocked.Exchange(ref _current, next)?.Retire(deleteFiles: false);
        onCurrent(next);
        logger.LogInformation("Now searching {Directory}, built by another process", pointer.Directory);
        return true;
    }

    private void RebuildLocked(FileStream? heldBuildLock = null)
    {
        // One builder at a time across processes (the service and the verbs share the data folder).
        using var crossProcess = heldBuildLock is null ? _folder.AcquireBuildLock(BuildLockWait) : null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = store.LastImportRunId();
        var records = store.ReadAll();
        var name = _folder.NextName();
        var path = _folder.PathOf(name);
        IndexGeneration next;
        try
        {
            Write(path, records);
            next = IndexGeneration.Open(path);
        }
        catch
        {
            IndexFolder.DeleteQuietly(path);
            throw;
        }
        _folder.WritePointer(new IndexFolder.Pointer(name, analyzers.Fingerprint, run));
        Interlocked.Exchange(ref _current, next)?.Retire(deleteFiles: true);
        onCurrent(next);
        _folder.RemoveStale(name);
        Rebuilds++;
        logger.LogInformation("Built the search index {Directory}: {Count} programs in {Ms} ms", name, records.Count, started.ElapsedMilliseconds);
    }

    private void Write(string path, IReadOnlyList<ProgramRecord> records) =>
        IndexBuilder.Write(path, records, analyzers, IndexBuilder.PartsFor(records.Count));

    public void Dispose()
    {
        lock (_rebuildLock)
        {
            _disposed = true;
            Interlocked.Exchange(ref _current, null)?.Retire(deleteFiles: false);
        }
    }
}

/// <summary>A search came before the index was opened (or after it was closed); searches never build one.</summary>
public sealed class SearchIndexUnavailableException()
    : InvalidOperationException("The search index is not open yet; the service opens it on start, and `reindex` builds it.");
