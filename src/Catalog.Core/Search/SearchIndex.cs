using Catalog.Core.Programs;
using Catalog.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Core.Search;

/// <summary>
/// The search core as the API and the verbs see it. Each job has its own room:
/// <see cref="IndexGenerations"/> (generations and their lifecycle, over <see cref="IndexFolder"/>),
/// <see cref="ProgramSearcher"/> (queries, filters, facets via <see cref="FacetResults"/>),
/// <see cref="ProgramSuggester"/> (completions) and <see cref="SearchHits"/> (hit mapping).
/// The index follows the store only when told: after an import (<see cref="Import.CatalogImporter"/>)
/// or a reindex calls <see cref="Rebuild"/>, and when <see cref="Follow"/> finds another process's work.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string PointerFile = IndexFolder.PointerFile;
    public const string Notice = ProgramSearcher.Notice;

    private readonly IndexGenerations _generations;
    private readonly ProgramSearcher _searcher;
    private readonly ProgramSuggester _suggester;

    public SearchIndex(CatalogOptions options, ProgramStore store, CatalogAnalyzers analyzers, SynonymSet synonyms, ILogger<SearchIndex>? logger = null)
    {
        var log = (ILogger?)logger ?? NullLogger<SearchIndex>.Instance;
        Analyzers = analyzers;
        _suggester = new ProgramSuggester(analyzers, log);
        _searcher = new ProgramSearcher(new QueryBuilder(analyzers, synonyms), new SnippetHighlighter(analyzers), synonyms, _suggester.List);
        _generations = new IndexGenerations(options, store, analyzers, log, _suggester.Warm);
    }

    public CatalogAnalyzers Analyzers { get; }

    /// <summary>Number of rebuilds this instance has done (for logs and tests).</summary>
    public int Rebuilds => _generations.Rebuilds;

    /// <summary>Opens the current index, or builds it when it is missing, unreadable, or older than the store.</summary>
    public void Open() => _generations.Open();

    /// <summary>Builds a fresh index from the store and swaps it in.</summary>
    public void Rebuild() => _generations.Rebuild();

    /// <summary>Catches up with an import or reindex that another process ran on the same data folder.</summary>
    public void Follow() => _generations.Follow();

    /// <summary>The distinct values of a facet present in the index (for validating filter values).</summary>
    public IReadOnlyCollection<string> ValuesOf(int dimension) => With(g => g.Columns.Dims[dimension].Values);

    public SearchResponse Search(SearchRequest request) => With(g => _searcher.Search(g, request));

    /// <summary>Every record matching the request's query and filters, in the requested order (for export).</summary>
    public IReadOnlyList<ProgramRecord> Matching(SearchRequest request) => Matching(request, out _);

    /// <summary>As <see cref="Matching(SearchRequest)"/>; <paramref name="relaxed"/> says the words were ORed, as the search does when all of them find nothing.</summary>
    public IReadOnlyList<ProgramRecord> Matching(SearchRequest request, out bool relaxed)
    {
        var g = _generations.Acquire();
        try { return _searcher.Matching(g, request, out relaxed); }
        finally { g.Release(); }
    }

    /// <summary>Completions for a prefix: names, aliases and fields; kana matches readings.</summary>
    public IReadOnlyList<Suggestion> Suggest(string q, int max = 10) => With(g => _suggester.Suggest(g, q, max));

    public static SearchHit ToHit(ProgramRecord p, DateTimeOffset asOf, IReadOnlyList<Snippet> snippets) => SearchHits.ToHit(p, asOf, snippets);

    /// <summary>The estimated next call of a program's family, carried by its latest fiscal year (null: none).</summary>
    public CallForecast? Forecast(string id, DateTimeOffset asOf) => With(g => ProgramSearcher.Forecast(g, id, asOf));

    /// <summary>Every forecast next call, soonest first.</summary>
    public IReadOnlyList<SearchHit> Forecasts(DateTimeOffset asOf, int max) => With(g => ProgramSearcher.Forecasts(g, asOf, max));

    private T With<T>(Func<IndexGeneration, T> use)
    {
        var g = _generations.Acquire();
        try { return use(g); }
        finally { g.Release(); }
    }

    public void Dispose() => _generations.Dispose();
}
