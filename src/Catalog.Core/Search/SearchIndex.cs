using System.Text.Json;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Directory = System.IO.Directory;

namespace Catalog.Core.Search;

/// <summary>
/// The search index: derived from the store, never the reverse. Each rebuild writes a new
/// directory (<c>index-NNNNNN</c>) beside the current one and then swaps a pointer file
/// (<c>index.json</c>, written to a temp file and renamed), so a search sees the old index or
/// the new one, never half of one. Old directories are removed once no search uses them.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string PointerFile = "index.json";
    public const string Notice = "すべての語を含む制度が見つからなかったため、いずれかの語を含む制度を表示しています。";
    private const string DirectoryPrefix = "index-";

    private readonly CatalogOptions _options;
    private readonly ProgramStore _store;
    private readonly CatalogAnalyzers _analyzers;
    private readonly QueryBuilder _queries;
    private readonly SnippetHighlighter _highlighter;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _rebuildLock = new();
    private Generation? _current;

    public SearchIndex(CatalogOptions options, ProgramStore store, CatalogAnalyzers analyzers, SynonymSet synonyms, ILogger<SearchIndex>? logger = null)
    {
        _options = options;
        _store = store;
        _analyzers = analyzers;
        _queries = new QueryBuilder(analyzers, synonyms);
        _highlighter = new SnippetHighlighter(analyzers);
        _logger = logger ?? NullLogger<SearchIndex>.Instance;
        store.Changed += OnStoreChanged;
    }

    public CatalogAnalyzers Analyzers => _analyzers;

    /// <summary>Number of rebuilds this instance has done (for logs and tests).</summary>
    public int Rebuilds { get; private set; }

    private void OnStoreChanged()
    {
        try { Rebuild(); }
        catch (Exception e) { _logger.LogError(e, "Rebuilding the search index after an import failed; searches keep the previous index"); }
    }

    /// <summary>Opens the current index, or builds it when it is missing, unreadable, or older than the store.</summary>
    public void Open()
    {
        lock (_rebuildLock)
        {
            if (_current is not null) return;
            var pointer = ReadPointer();
            if (pointer is not null && pointer.Analysis == _analyzers.Fingerprint && pointer.ImportRun == _store.LastImportRunId())
            {
                try
                {
                    _current = Generation.Open(Path.Combine(_options.DataPath, pointer.Directory));
                    _logger.LogInformation("Opened the search index {Directory} ({Docs} programs)", pointer.Directory, _current.Columns.MaxDoc);
                    WarmSuggestions(_current);
                    RemoveStaleDirectories(pointer.Directory);
                    return;
                }
                catch (Exception e) // whatever a damaged index throws, the cure is the same: rebuild from the store
                {
                    _logger.LogWarning(e, "The search index {Directory} is unreadable; rebuilding it", pointer.Directory);
                }
            }
            RebuildLocked();
        }
    }

    /// <summary>Builds a fresh index from the store and swaps it in.</summary>
    public void Rebuild()
    {
        lock (_rebuildLock) RebuildLocked();
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
            if (_current is null || SwitchToCurrentPointer()) return; // not opened yet: Open() does the same checks
            using var building = AcquireBuildLock(wait: false);
            if (building is null || SwitchToCurrentPointer()) return; // another process is building: look again later
            RebuildLocked(building);
        }
    }

    // True when the pointer names an index of the store's latest import; switches to it when it is
    // not the one in use.
    private bool SwitchToCurrentPointer()
    {
        var pointer = ReadPointer();
        if (pointer is null || pointer.Analysis != _analyzers.Fingerprint || pointer.ImportRun != _store.LastImportRunId()) return false;
        var path = Path.GetFullPath(Path.Combine(_options.DataPath, pointer.Directory));
        if (path == _current?.Path) return true;
        var next = Generation.Open(path);
        // The process that built it removes the old folder; this one only stops using it.
        Interlocked.Exchange(ref _current, next)?.Retire(deleteFiles: false);
        WarmSuggestions(next);
        _logger.LogInformation("Now searching {Directory}, built by another process", pointer.Directory);
        return true;
    }

    private void RebuildLocked(FileStream? heldBuildLock = null)
    {
        // One builder at a time across processes (the service and the verbs share the data folder).
        using var crossProcess = heldBuildLock is null ? AcquireBuildLock(wait: true) : null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = _store.LastImportRunId();
        var records = _store.ReadAll();
        Directory.CreateDirectory(_options.DataPath);
        var name = DirectoryPrefix + NextGeneration().ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(_options.DataPath, name);
        Generation next;
        try
        {
            Build(path, records);
            next = Generation.Open(path);
        }
        catch
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        WritePointer(new Pointer(name, _analyzers.Fingerprint, run));
        var old = Interlocked.Exchange(ref _current, next);
        old?.Retire(deleteFiles: true);
        WarmSuggestions(next);
        RemoveStaleDirectories(name);
        Rebuilds++;
        _logger.LogInformation("Built the search index {Directory}: {Count} programs in {Ms} ms", name, records.Count, started.ElapsedMilliseconds);
    }

    private void Build(string path, IReadOnlyList<ProgramRecord> records)
    {
        var idRank = records.OrderBy(r => r.Id, StringComparer.Ordinal).Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        // Name order is 五十音順: by reading, then by the name itself, then id.
        var nameRank = records.Select(r => (r.Id, r.Name, Reading: _analyzers.ReadingOf(r.Name)))
            .OrderBy(r => r.Reading, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var directory = new NIOFSDirectory(path);
        var config = new IndexWriterConfig(SearchSchema.Version, _analyzers.Indexing)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 128,
        };
        // One writer for this directory, for its whole (short) life.
        using var writer = new IndexWriter(directory, config);
        foreach (var r in records) writer.AddDocument(ProgramDocuments.Create(r, idRank[r.Id], nameRank[r.Id]));
        writer.ForceMerge(1);
        writer.Commit();
    }

    private int NextGeneration()
    {
        var max = 0;
        foreach (var dir in Directory.EnumerateDirectories(_options.DataPath, DirectoryPrefix + "*"))
            if (int.TryParse(Path.GetFileName(dir)[DirectoryPrefix.Length..], out var n)) max = Math.Max(max, n);
        return max + 1;
    }

    private void RemoveStaleDirectories(string keep)
    {
        foreach (var dir in Directory.EnumerateDirectories(_options.DataPath, DirectoryPrefix + "*"))
        {
            var name = Path.GetFileName(dir);
            if (name == keep || _current?.Path == Path.GetFullPath(dir)) continue;
            // A directory still searched by a retired generation goes when that generation closes.
            if (Generation.IsOpen(Path.GetFullPath(dir))) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record Pointer(string Directory, string Analysis, long ImportRun);

    // An exclusive open of data/index.lock: .NET takes an advisory lock on it (flock on Unix),
    // which another process's exclusive open respects. Released when disposed or when the process dies.
    private FileStream? AcquireBuildLock(bool wait)
    {
        Directory.CreateDirectory(_options.DataPath);
        var file = Path.Combine(_options.DataPath, "index.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try { return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (!wait) { return null; }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(10)) { Thread.Sleep(100); }
        }
    }

    private Pointer? ReadPointer()
    {
        var file = Path.Combine(_options.DataPath, PointerFile);
        try
        {
            var p = JsonSerializer.Deserialize<Pointer>(File.ReadAllText(file), ProgramJson.Compact);
            return p is null || !p.Directory.StartsWith(DirectoryPrefix, StringComparison.Ordinal) || p.Directory.Contains('/') || p.Directory.Contains('\\') ? null : p;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    private void WritePointer(Pointer pointer)
    {
        var file = Path.Combine(_options.DataPath, PointerFile);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(pointer, ProgramJson.Compact));
        File.Move(temp, file, overwrite: true); // rename: readers see the old pointer or the new one
    }

    // ------------------------------------------------------------------ searching

    private Generation Acquire()
    {
        while (true)
        {
            var g = Volatile.Read(ref _current);
            if (g is null) { Open(); continue; }
            if (g.TryAcquire()) return g;
        }
    }

    /// <summary>The distinct values of a facet present in the index (for validating filter values).</summary>
    public IReadOnlyCollection<string> ValuesOf(int dimension)
    {
        var g = Acquire();
        try { return g.Columns.Dims[dimension].Values; }
        finally { g.Release(); }
    }

    public SearchResponse Search(SearchRequest request)
    {
        var text = QueryText.Parse(request.Q);
        var g = Acquire();
        try
        {
            var searcher = g.Manager.Acquire();
            try
            {
                var keep = request.Page * request.PageSize;
                var (built, collector) = RunWithRecall(g, searcher, text, request, keep);
                var relaxed = false;
                if (collector.Total == 0 && built.RequiredGroups > 1)
                {
                    built = _queries.Build(text, QueryBuilder.QueryMode.Relaxed);
                    collector = Run(g, searcher, built.Query, request, keep);
                    relaxed = collector.Total > 0;
                }

                var hits = new List<SearchHit>();
                foreach (var hit in collector.Sorted().Skip((request.Page - 1) * request.PageSize))
                {
                    var record = Load(searcher, hit.Doc);
                    var snippets = request.Highlight ? _highlighter.Snippets(record, built.HighlightTerms, built.HighlightWords) : [];
                    hits.Add(ToHit(record, request.AsOf, snippets));
                }
                return new SearchResponse(collector.Total, request.Page, request.PageSize, SearchFormat.Time(request.AsOf), request.Q,
                    relaxed, relaxed ? Notice : null, hits, Facets(g.Columns, collector, request));
            }
            finally { g.Manager.Release(searcher); }
        }
        finally { g.Release(); }
    }

    /// <summary>Every record matching the request's query and filters, in the requested order (for export).</summary>
    public IReadOnlyList<ProgramRecord> Matching(SearchRequest request)
    {
        var text = QueryText.Parse(request.Q);
        var g = Acquire();
        try
        {
            var searcher = g.Manager.Acquire();
            try
            {
                var (_, collector) = RunWithRecall(g, searcher, text, request, g.Columns.MaxDoc);
                return collector.Sorted().Select(h => Load(searcher, h.Doc)).ToList();
            }
            finally { g.Manager.Release(searcher); }
        }
        finally { g.Release(); }
    }

    // The completion list takes seconds to build for a large catalogue: build it in the background
    // as soon as a generation is current, so no keystroke waits for it (a request that comes
    // earlier waits for the one build in progress).
    private void WarmSuggestions(Generation g) => Task.Run(() =>
    {
        if (!g.TryAcquire()) return;
        try { g.Suggestions(this); }
        catch (Exception e) { _logger.LogWarning(e, "Could not prepare suggestions for {Directory}", g.Path); }
        finally { g.Release(); }
    });

    /// <summary>Completions for a prefix: names, aliases and fields; kana matches readings.</summary>
    public IReadOnlyList<Suggestion> Suggest(string q, int max = 10)
    {
        var needle = TextNormalizer.FoldToKatakana(TextNormalizer.Normalize(q));
        if (needle.Length == 0) return [];
        var g = Acquire();
        try
        {
            var entries = g.Suggestions(this);
            return entries
                .Select(e => (e, rank: e.Normalized.StartsWith(needle, StringComparison.Ordinal) || e.Reading.StartsWith(needle, StringComparison.Ordinal) ? 0
                    : e.Normalized.Contains(needle, StringComparison.Ordinal) || e.Reading.Contains(needle, StringComparison.Ordinal) ? 1 : -1))
                .Where(x => x.rank >= 0)
                .OrderBy(x => x.rank).ThenBy(x => x.e.Kind switch { "name" => 0, "alias" => 1, _ => 2 }).ThenBy(x => x.e.Text.Length).ThenBy(x => x.e.Text, StringComparer.Ordinal)
                .Select(x => x.e.Suggestion).DistinctBy(s => (s.Text, s.Id)).Take(max).ToList();
        }
        finally { g.Release(); }
    }

    internal IReadOnlyList<SuggestionEntry> BuildSuggestions(IndexSearcher searcher, int maxDoc)
    {
        var entries = new List<SuggestionEntry>();
        SuggestionEntry Entry(string text, string kind, string? id) =>
            new(new Suggestion(text, kind, id), kind, text, TextNormalizer.FoldToKatakana(TextNormalizer.Normalize(text)), _analyzers.ReadingOf(text));
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var r = Load(searcher, doc);
            entries.Add(Entry(r.Name, "name", r.Id));
            entries.AddRange(r.Aliases.Select(a => Entry(a, "alias", r.Id)));
        }
        entries.AddRange(Vocabulary.Fields.Select(f => Entry(f, "field", null)));
        return entries;
    }

    // Precise first; the bigram recall field only when the precise query finds nothing.
    private (QueryBuilder.Built, FacetingCollector) RunWithRecall(Generation g, IndexSearcher searcher, QueryText text, SearchRequest request, int keep)
    {
        var built = _queries.Build(text, QueryBuilder.QueryMode.Precise);
        var collector = Run(g, searcher, built.Query, request, keep);
        if (collector.Total == 0 && !text.IsEmpty)
        {
            built = _queries.Build(text, QueryBuilder.QueryMode.Recall);
            collector = Run(g, searcher, built.Query, request, keep);
        }
        return (built, collector);
    }

    private FacetingCollector Run(Generation g, IndexSearcher searcher, Query query, SearchRequest request, int keep)
    {
        var collector = new FacetingCollector(g.Columns, ResolveFilters(g.Columns, request), request.AsOf.UtcTicks, request.Sort, keep);
        searcher.Search(query, collector);
        return collector.Finish();
    }

    private static FacetingCollector.Filters ResolveFilters(IndexColumns columns, SearchRequest r)
    {
        var f = new FacetingCollector.Filters();
        void Select(int dim, IEnumerable<string> values)
        {
            var table = columns.Dims[dim];
            var list = values.ToList();
            if (list.Count == 0) return;
            var selected = new bool[table.Values.Length];
            foreach (var v in list) if (table.IdOf.TryGetValue(v, out var id)) selected[id] = true;
            f.Selected[dim] = selected; // a value absent from the index selects nothing
        }
        Select(IndexColumns.DimMinistry, r.Ministries);
        Select(IndexColumns.DimKind, r.Kinds);
        Select(IndexColumns.DimField, r.Fields);
        Select(IndexColumns.DimApplicant, r.Applicants);
        Select(IndexColumns.DimLevel, r.Levels);
        Select(IndexColumns.DimFiscalYear, r.FiscalYears.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (r.Statuses.Count > 0)
        {
            f.Statuses = new bool[Vocabulary.Statuses.Count];
            foreach (var s in r.Statuses) f.Statuses[Vocabulary.Statuses.ToList().IndexOf(s)] = true;
        }
        if (r.RateMin is { } rate) f.RateMin = (int)Math.Round(rate * 10_000m);
        if (r.CapMin is { } capMin) f.CapMin = capMin;
        if (r.CapMax is { } capMax) f.CapMax = capMax;
        if (r.DeadlineBefore is { } before) f.DeadlineBefore = before.UtcTicks;
        return f;
    }

    private static Dictionary<string, IReadOnlyList<FacetValue>> Facets(IndexColumns columns, FacetingCollector c, SearchRequest r)
    {
        static string Inv(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

        IReadOnlyList<FacetValue> Multi(int dim, IReadOnlyList<string> order, IEnumerable<string> selected, Func<string, string>? label = null, bool byValueDesc = false)
        {
            var table = columns.Dims[dim];
            var chosen = selected.ToHashSet(StringComparer.Ordinal);
            var values = table.Values.Select((v, id) => (v, count: c.DimCounts[dim][id]))
                .Where(x => x.count > 0 || chosen.Contains(x.v))
                .Concat(chosen.Where(s => !table.IdOf.ContainsKey(s)).Select(s => (v: s, count: 0)));
            var ordered = byValueDesc
                ? values.OrderByDescending(x => x.v, StringComparer.Ordinal)
                : values.OrderBy(x => order.Contains(x.v) ? order.ToList().IndexOf(x.v) : int.MaxValue).ThenByDescending(x => x.count).ThenBy(x => x.v, StringComparer.Ordinal);
            return ordered.Select(x => new FacetValue(x.v, label?.Invoke(x.v) ?? x.v, x.count, chosen.Contains(x.v))).ToList();
        }

        var rateMin = r.RateMin is { } rm ? (int)Math.Round(rm * 10_000m) : -1;
        return new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["ministry"] = Multi(IndexColumns.DimMinistry, Vocabulary.Ministries, r.Ministries),
            ["kind"] = Multi(IndexColumns.DimKind, Vocabulary.Kinds, r.Kinds),
            ["field"] = Multi(IndexColumns.DimField, Vocabulary.Fields, r.Fields),
            ["applicant"] = Multi(IndexColumns.DimApplicant, Vocabulary.Applicants, r.Applicants),
            ["level"] = Multi(IndexColumns.DimLevel, Vocabulary.Levels, r.Levels, Vocabulary.LevelLabel),
            ["fiscalYear"] = Multi(IndexColumns.DimFiscalYear, [], r.FiscalYears.Select(y => Inv(y)),
                v => int.TryParse(v, out var y) ? Wareki.FormatFiscalYear(y) : v, byValueDesc: true),
            ["status"] = Vocabulary.Statuses.Select((s, i) => new FacetValue(s, s, c.StatusCounts[i], r.Statuses.Contains(s)))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
            ["rate"] = FacetingCollector.RateBuckets.Select((b, i) => new FacetValue(b.Value, b.Label, c.RateCounts[i], rateMin == b.Threshold))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
            ["cap"] = FacetingCollector.CapBuckets.Select((b, i) => new FacetValue(Inv(b), Money.Format(b) + "以上", c.CapCounts[i], r.CapMin == b))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
        };
    }

    private static ProgramRecord Load(IndexSearcher searcher, int doc) =>
        JsonSerializer.Deserialize<ProgramRecord>(searcher.Doc(doc).Get(SearchSchema.Json), ProgramJson.Compact)!;

    public static SearchHit ToHit(ProgramRecord p, DateTimeOffset asOf, IReadOnlyList<Snippet> snippets)
    {
        var status = ProgramStatus.At(p, asOf);
        var caps = p.Caps.Count == 0 ? null : string.Join(" / ", p.Caps.Select(c => string.IsNullOrEmpty(c.Applicant) ? c.Text : $"{c.Applicant} {c.Text}"));
        return new SearchHit(p.Id, p.Name, p.Aliases, p.Ministry, p.Level, p.Kinds, p.Fields, p.FiscalYears, p.Applicants, p.Summary,
            p.Rate?.Text, p.Rate?.Max, caps, ProgramDocuments.CapMaxYen(p),
            status.Status, status.NextDeadline is { } d ? SearchFormat.Time(d) : null, ProgramStatus.DaysLeft(status.NextDeadline, asOf), snippets);
    }

    public void Dispose()
    {
        _store.Changed -= OnStoreChanged;
        Interlocked.Exchange(ref _current, null)?.Retire(deleteFiles: false);
    }

    // ------------------------------------------------------------------ generations

    /// <summary>One opened index directory, reference-counted so a rebuild never closes it under a search.</summary>
    private sealed class Generation
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> OpenPaths = new();
        private readonly Lucene.Net.Store.Directory _directory;
        private int _references = 1; // the index's own reference, dropped on Retire
        private bool _deleteFiles;
        private readonly System.Threading.Lock _suggestionsLock = new();
        private IReadOnlyList<SuggestionEntry>? _suggestions;

        private Generation(string path, Lucene.Net.Store.Directory directory, SearcherManager manager, IndexColumns columns)
        {
            Path = path;
            _directory = directory;
            Manager = manager;
            Columns = columns;
        }

        public string Path { get; }
        public SearcherManager Manager { get; }
        public IndexColumns Columns { get; }

        public static bool IsOpen(string path) => OpenPaths.ContainsKey(path);

        public static Generation Open(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (!System.IO.Directory.Exists(full)) throw new IOException($"{full} does not exist");
            // NIOFSDirectory, not MMapDirectory: the latter crashes under concurrent search in beta00017 (apache/lucenenet#1013).
            var directory = new NIOFSDirectory(full);
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
                    OpenPaths[full] = 0;
                    return new Generation(full, directory, manager, columns);
                }
                finally { manager.Release(searcher); }
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }

        public IReadOnlyList<SuggestionEntry> Suggestions(SearchIndex index)
        {
            if (Volatile.Read(ref _suggestions) is { } s) return s;
            lock (_suggestionsLock)
            {
                if (_suggestions is { } built) return built;
                var searcher = Manager.Acquire();
                try { return _suggestions = index.BuildSuggestions(searcher, Columns.MaxDoc); }
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
            OpenPaths.TryRemove(Path, out _);
            if (_deleteFiles)
                try { System.IO.Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        public void Retire(bool deleteFiles)
        {
            _deleteFiles = deleteFiles;
            Release();
        }
    }
}

/// <summary>A completion: <see cref="Kind"/> is name, alias or field; <see cref="Id"/> the program, if any.</summary>
public sealed record Suggestion(string Text, string Kind, string? Id);

internal sealed record SuggestionEntry(Suggestion Suggestion, string Kind, string Text, string Normalized, string Reading);
