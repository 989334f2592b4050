using System.Globalization;
using System.Text.Json;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;

namespace Catalog.Api.Changes;

/// <summary>
/// Which programs a search names, for the changes and the feeds: the programs the search returns
/// now, and the removed programs whose last record the same filters would have returned.
/// </summary>
public static class ChangeFilter
{
    /// <summary>True when the request narrows the catalogue at all (words, a facet, a range).</summary>
    public static bool Narrows(SearchRequest r) =>
        r.Q is not null || r.Ministries.Count + r.Kinds.Count + r.Fields.Count + r.Applicants.Count + r.Levels.Count
            + r.FiscalYears.Count + r.Statuses.Count + r.RateKinds.Count > 0
        || r.RateMin is not null || r.CapMin is not null || r.CapMax is not null || r.DeadlineBefore is not null;

    /// <summary>The ids the request names, or null for the whole catalogue (and everything it has lost).</summary>
    public static IReadOnlySet<string>? ProgramIds(SearchRequest request, SearchIndex index, RevisionLog log)
    {
        if (!Narrows(request)) return null;
        var ids = index.Matching(request with { Highlight = false }).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, json) in log.RemovedPrograms())
            if (Matches(JsonSerializer.Deserialize<ProgramRecord>(json, ProgramJson.Compact)!, request)) ids.Add(id);
        return ids;
    }

    /// <summary>
    /// The search's filters applied to one record in memory (a removed program is in no index).
    /// Words match as plain text: each required group needs one of its words in the name, aliases
    /// or texts, and no excluded word may appear.
    /// </summary>
    public static bool Matches(ProgramRecord p, SearchRequest r)
    {
        if (r.Ministries.Count > 0 && !r.Ministries.Contains(p.Ministry)) return false;
        if (r.Kinds.Count > 0 && !p.Kinds.Any(r.Kinds.Contains)) return false;
        if (r.Fields.Count > 0 && !p.Fields.Any(r.Fields.Contains)) return false;
        if (r.Levels.Count > 0 && !r.Levels.Contains(p.Level)) return false;
        if (r.FiscalYears.Count > 0 && !p.FiscalYears.Any(r.FiscalYears.Contains)) return false;
        if (r.Applicants.Count > 0 && !ProgramDocuments.OpenTo(p.Applicants).Any(r.Applicants.Contains)) return false;
        if (r.RateMin is { } rate && !(p.Rate?.Max >= rate)) return false;
        if (r.RateKinds.Count > 0 && !RateKindFacet.Of(p.Rate).Any(r.RateKinds.Contains)) return false;
        var cap = ProgramCaps.MaxYen(p);
        if (r.CapMin is { } min && !(cap >= min)) return false;
        if (r.CapMax is { } max && !(cap <= max)) return false;
        var status = ProgramStatus.At(p, r.AsOf);
        if (r.Statuses.Count > 0 && !(status.Status is { } s && r.Statuses.Contains(s))) return false;
        if (r.DeadlineBefore is { } before && !(status.NextDeadline <= before)) return false;
        if (r.Q is null) return true;
        var text = string.Join("\n", new[] { p.Name, p.Summary, p.Purpose, p.SupportContent, p.Ministry }
            .Concat(p.Aliases).Concat(p.Fields).Concat(p.Kinds).Where(s => s is not null))
            .Normalize(System.Text.NormalizationForm.FormKC);
        bool Has(QueryWord w) => CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, w.Text.Normalize(System.Text.NormalizationForm.FormKC),
            CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType) >= 0;
        var query = QueryText.Parse(r.Q);
        return query.Required.All(group => group.Any(Has)) && !query.Excluded.Any(Has);
    }
}
