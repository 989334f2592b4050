using System.Text.Json;
using Catalog.Core.Programs;
using Lucene.Net.Search;

namespace Catalog.Core.Search;

/// <summary>From an indexed document to what a search returns: the stored record, then the hit.</summary>
public static class SearchHits
{
    /// <summary>The record stored with a document (the index holds nothing the record does not).</summary>
    public static ProgramRecord Load(IndexSearcher searcher, int doc) =>
        JsonSerializer.Deserialize<ProgramRecord>(searcher.Doc(doc).Get(SearchSchema.Json), ProgramJson.Compact)!;

    public static SearchHit ToHit(ProgramRecord p, DateTimeOffset asOf, IReadOnlyList<Snippet> snippets, CallForecast? forecast = null)
    {
        var status = ProgramStatus.At(p, asOf);
        return new SearchHit(p.Id, p.Name, p.Aliases, p.Ministry, p.Level, p.Kinds, p.Fields, p.FiscalYears, p.Applicants, p.Summary,
            p.Rate?.Text, p.Rate?.Max, ProgramCaps.Text(p, " / "), ProgramCaps.MaxYen(p),
            status.Status, status.NextDeadline is { } d ? SearchFormat.Time(d) : null, ProgramStatus.DaysLeft(status.NextDeadline, asOf), snippets,
            ProgramStatus.EndedFiscalYear(p, status.Status), forecast);
    }
}
