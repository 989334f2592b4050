using System.Globalization;
using Catalog.Core.Programs;
using Lucene.Net.Search;

namespace Catalog.Core.Search;

/// <summary>
/// Runs one search over one index generation: every word required (each also matched as a
/// substring through the bigram field), then any word when every word together finds nothing;
/// filters and facet counts in the same pass (<see cref="FacetingCollector"/>); snippets for
/// the page's hits.
/// </summary>
internal sealed class ProgramSearcher(QueryBuilder queries, SnippetHighlighter highlighter, SynonymSet synonyms,
    Func<IndexGeneration, SuggestionList>? vocabulary = null)
{
    public const string Notice = "すべての語を含む制度が見つからなかったため、いずれかの語を含む制度を表示しています。";

    // Kana, readings, typos and two-word synonyms (QueryExpansion): the same for search and export.
    private QueryExpansion.Expanded Expand(IndexGeneration g, SearchRequest request) =>
        QueryExpansion.Expand(QueryText.Parse(request.Q), request.Q, vocabulary is null ? null : () => vocabulary(g), synonyms);

    public SearchResponse Search(IndexGeneration g, SearchRequest request)
    {
        var expanded = Expand(g, request);
        var text = expanded.Text;
        var searcher = g.Manager.Acquire();
        try
        {
            var (built, collector, relaxed) = RunPreciseThenRelaxed(g, searcher, text, request, request.Page * request.PageSize);

            var hits = new List<SearchHit>();
            foreach (var hit in collector.Sorted().Skip((request.Page - 1) * request.PageSize))
            {
                var record = SearchHits.Load(searcher, hit.Doc);
                var snippets = request.Highlight ? highlighter.Snippets(record, built.HighlightTerms, built.HighlightWords) : [];
                hits.Add(SearchHits.ToHit(record, request.AsOf, snippets, g.Columns.ForecastFor(hit.Doc, request.AsOf)));
            }
            return new SearchResponse(collector.Total, request.Page, request.PageSize, SearchFormat.Time(request.AsOf), request.Q,
                relaxed, relaxed ? Notice : null, hits, FacetResults.From(g.Columns, collector, request)) { DidYouMean = expanded.DidYouMean };
        }
        finally { g.Manager.Release(searcher); }
    }

    /// <summary>The forecast of a program's next call (see <see cref="IndexColumns.ForecastFor"/>); null for an unknown id.</summary>
    public static CallForecast? Forecast(IndexGeneration g, string id, DateTimeOffset asOf)
    {
        var searcher = g.Manager.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Lucene.Net.Index.Term(SearchSchema.Id, id)), 1);
            return top.TotalHits == 0 ? null : g.Columns.ForecastFor(top.ScoreDocs[0].Doc, asOf);
        }
        finally { g.Manager.Release(searcher); }
    }

    /// <summary>The forecast next call of every family that expects one, soonest first (the home page's 「次回公募の見込み」).</summary>
    public static IReadOnlyList<SearchHit> Forecasts(IndexGeneration g, DateTimeOffset asOf, int max)
    {
        var c = g.Columns;
        var found = new List<(int Doc, CallForecast Forecast)>();
        // One entry a family: its menus of the latest year share the forecast (the first by id stands for them).
        foreach (var docs in c.FamilyDocs)
            foreach (var d in docs.OrderBy(d => c.IdRank[d]))
                if (c.ForecastFor(d, asOf) is { } f) { found.Add((d, f)); break; }
        var searcher = g.Manager.Acquire();
        try
        {
            // Only the records shown are read from the index.
            return found.OrderBy(x => x.Forecast.Start, StringComparer.Ordinal).ThenBy(x => c.IdRank[x.Doc]).Take(max)
                .Select(x => SearchHits.ToHit(SearchHits.Load(searcher, x.Doc), asOf, [], x.Forecast)).ToList();
        }
        finally { g.Manager.Release(searcher); }
    }

    /// <summary>
    /// Every record matching the request's query and filters, in the requested order (for export,
    /// feeds and verdicts): the same records the search finds, relaxed (any word) exactly when the
    /// search relaxes, so an export of what was shown holds what was shown.
    /// </summary>
    public IReadOnlyList<ProgramRecord> Matching(IndexGeneration g, SearchRequest request, out bool relaxed)
    {
        var text = Expand(g, request).Text;
        var searcher = g.Manager.Acquire();
        try
        {
            (_, var collector, relaxed) = RunPreciseThenRelaxed(g, searcher, text, request, g.Columns.MaxDoc);
            return collector.Sorted().Select(h => SearchHits.Load(searcher, h.Doc)).ToList();
        }
        finally { g.Manager.Release(searcher); }
    }

    // Every word required; when that finds nothing and there are several words, any word (relaxed).
    // The one rule for the search and for everything that lists what the search finds.
    private (QueryBuilder.Built Built, FacetingCollector Collector, bool Relaxed) RunPreciseThenRelaxed(
        IndexGeneration g, IndexSearcher searcher, QueryText text, SearchRequest request, int keep)
    {
        var built = queries.Build(text, QueryBuilder.QueryMode.Precise);
        var collector = Run(g, searcher, built.Query, request, keep);
        if (collector.Total > 0 || built.RequiredGroups <= 1) return (built, collector, false);
        var relaxedBuilt = queries.Build(text, QueryBuilder.QueryMode.Relaxed);
        var relaxedCollector = Run(g, searcher, relaxedBuilt.Query, request, keep);
        return (relaxedBuilt, relaxedCollector, relaxedCollector.Total > 0);
    }

    private static FacetingCollector Run(IndexGeneration g, IndexSearcher searcher, Query query, SearchRequest request, int keep)
    {
        var collector = new FacetingCollector(g.Columns, ResolveFilters(g.Columns, request), request.AsOf.UtcTicks, request.Sort, keep)
        {
            AcceptsDocsOutOfOrder = !FacetingCollector.ScoredInOrder(query),
        };
        searcher.Search(query, collector);
        return collector.Finish();
    }

    /// <summary>The request's filters as the collector reads them: value ids per dimension, thresholds as numbers.</summary>
    public static FacetingCollector.Filters ResolveFilters(IndexColumns columns, SearchRequest r)
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
        Select(IndexColumns.DimFiscalYear, r.FiscalYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        Select(IndexColumns.DimRateKind, r.RateKinds);
        if (r.Statuses.Count > 0)
        {
            f.Statuses = new bool[Vocabulary.Statuses.Count];
            foreach (var s in r.Statuses)
                foreach (var t in Vocabulary.StatusIncludes.GetValueOrDefault(s, []).Prepend(s))
                    f.Statuses[Vocabulary.Statuses.ToList().IndexOf(t)] = true;
        }
        f.HideEnded = r.HideEnded;
        foreach (var purpose in r.Purposes)
            if (Purposes.Values.ToList().IndexOf(purpose) is var i and >= 0) f.Purposes |= 1 << i;
        if (r.RateMin is { } rate) f.RateMin = (int)Math.Round(rate * 10_000m);
        if (r.CapMin is { } capMin) f.CapMin = capMin;
        if (r.CapMax is { } capMax) f.CapMax = capMax;
        if (r.DeadlineBefore is { } before) f.DeadlineBefore = before.UtcTicks;
        return f;
    }
}
