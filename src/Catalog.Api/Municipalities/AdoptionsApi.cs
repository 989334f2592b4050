using System.ComponentModel;
using System.Globalization;
using Catalog.Api.Programs;
using Catalog.Core.Municipalities;
using Catalog.Core.Notation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;

namespace Catalog.Api.Municipalities;

/// <summary>The filters of GET /api/adoptions, as sent.</summary>
public sealed record AdoptionParameters(
    [FromQuery(Name = "program")][property: Description("Program id (repeatable; OR within the facet).")] string[]? Program,
    [FromQuery(Name = "prefecture")][property: Description("Prefecture name, e.g. 沖縄県 (repeatable).")] string[]? Prefecture,
    [FromQuery(Name = "municipality")][property: Description("A municipality or prefecture named by the row: its 全国地方公共団体コード or name (加賀市, 茨城県つくば市, 沖縄県).")] string? Municipality,
    [FromQuery(Name = "fiscalYear")][property: Description("年度 as the Gregorian start year, e.g. 2021, or as written (令和3年度) (repeatable); 'unknown' for rows without a year.")] string[]? FiscalYear,
    [FromQuery(Name = "q")][property: Description("Text found in the municipality, title, note or program name.")] string? Q,
    [FromQuery(Name = "page")][property: Description("1-based page number.")] string? Page,
    [FromQuery(Name = "pageSize")][property: Description("Rows per page.")] string? PageSize);

/// <summary>Adoption search with facet counts per prefecture, program and year: /api/adoptions.</summary>
public static class AdoptionsApi
{
    public const string UnknownYear = "unknown";
    public const string NoPrefecture = "（都道府県なし）";

    // How each filter parses; the OpenAPI document takes their schemas from the same objects.
    public static readonly TextParameter ProgramRule = new("program") { Many = true };
    public static readonly TextParameter PrefectureRule = new("prefecture") { Many = true, Examples = ["北海道", "沖縄県", NoPrefecture] };
    public static readonly TextParameter MunicipalityRule = new("municipality") { Examples = ["472140", "加賀市", "茨城県つくば市"] };
    public static readonly FiscalYearParameter FiscalYearRule = new("fiscalYear", UnknownYear) { Many = true };
    public static readonly WholeNumberParameter PageSizeRule = new("pageSize", 1, 500, 100);

    public static IEndpointRouteBuilder MapAdoptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags(ApiTags.Adoptions).MapGet("/adoptions", SearchAdoptions).WithName("SearchAdoptions")
            .WithSummary("Adoptions (採択) by program, prefecture, municipality, 年度 and text, with facet counts (a facet's counts ignore its own selection).")
            .WithParameters(ProgramRule, PrefectureRule, MunicipalityRule, FiscalYearRule, SearchParameters.QRule, SearchParameters.PageRule, PageSizeRule)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static Results<Ok<AdoptionSearchResponse>, ProblemHttpResult> SearchAdoptions([AsParameters] AdoptionParameters p, MunicipalityStore store)
    {
        var d = store.Directory();
        var rows = store.Adoptions();
        List<int?> years;
        int page, pageSize;
        try
        {
            SearchParameters.QRule.Parse(p.Q);
            years = (p.FiscalYear ?? []).Select(FiscalYearRule.Parse).ToList();
            page = SearchParameters.PageRule.Parse(p.Page);
            pageSize = PageSizeRule.Parse(p.PageSize);
        }
        catch (ParameterException e) { return TypedResults.Problem(SearchParameters.Problem(e)); }

        var programIds = rows.Select(r => r.ProgramId).ToHashSet(StringComparer.Ordinal);
        var programs = (p.Program ?? []).Select(s => s.Trim()).Distinct().ToList();
        if (programs.FirstOrDefault(id => !programIds.Contains(id)) is { } unknownProgram)
            return TypedResults.Problem(SearchParameters.Problem("program", $"program '{unknownProgram}' has no adoptions in the catalogue (or does not exist)"));
        var prefectureNames = d.All.Where(m => m.IsPrefecture).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var prefectures = (p.Prefecture ?? []).Select(s => s.Trim()).Distinct().ToList();
        if (prefectures.FirstOrDefault(n => !prefectureNames.Contains(n) && n != NoPrefecture) is { } unknownPrefecture)
            return TypedResults.Problem(SearchParameters.Problem("prefecture", $"prefecture '{unknownPrefecture}' is not a prefecture name (e.g. 北海道, 沖縄県)"));
        Municipality? place = null;
        if (p.Municipality is not null && (place = MunicipalitiesApi.Lookup(p.Municipality, "municipality", d, out var problem)) is null) return problem!;
        var text = p.Q is null ? null : MunicipalityDirectory.Normalize(p.Q);

        // Each row with the prefectures it touches (a row naming several places may touch several).
        var located = rows.Select(r => (Row: r, Prefectures: PrefecturesOf(r, d))).ToList();
        bool ByProgram((AdoptionRow Row, IReadOnlyList<string> Prefectures) x) => programs.Count == 0 || programs.Contains(x.Row.ProgramId);
        bool ByPrefecture((AdoptionRow Row, IReadOnlyList<string> Prefectures) x) => prefectures.Count == 0 || x.Prefectures.Any(prefectures.Contains);
        bool ByYear((AdoptionRow Row, IReadOnlyList<string> Prefectures) x) => years.Count == 0 || years.Contains(x.Row.Adoption.FiscalYear);
        bool ByRest((AdoptionRow Row, IReadOnlyList<string> Prefectures) x) =>
            (place is null || x.Row.Adoption.LgCodes.Contains(place.Code))
            && (string.IsNullOrEmpty(text) || Matches(x.Row, text, d));

        var rest = located.Where(ByRest).ToList();
        var hits = rest.Where(x => ByProgram(x) && ByPrefecture(x) && ByYear(x)).ToList();
        var facets = new AdoptionFacets(
            Prefecture: rest.Where(x => ByProgram(x) && ByYear(x)).SelectMany(x => x.Prefectures).GroupBy(n => n)
                .Select(g => new FacetCount(g.Key, null, g.Count()))
                .OrderBy(f => PrefectureOrder(f.Value, d)).ToList(),
            Program: rest.Where(x => ByPrefecture(x) && ByYear(x)).GroupBy(x => (x.Row.ProgramId, x.Row.ProgramName))
                .Select(g => new FacetCount(g.Key.ProgramId, g.Key.ProgramName, g.Count()))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            FiscalYear: rest.Where(x => ByProgram(x) && ByPrefecture(x)).GroupBy(x => x.Row.Adoption.FiscalYear)
                .Select(g => new FacetCount(g.Key?.ToString(CultureInfo.InvariantCulture) ?? UnknownYear, g.Key is { } y ? Wareki.FormatFiscalYear(y) : "年度不明", g.Count()))
                .OrderByDescending(f => f.Value == UnknownYear ? "" : f.Value, StringComparer.Ordinal).ToList());
        var pageRows = hits.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).Select(x => AdoptionView.Of(x.Row)).ToList();
        return TypedResults.Ok(new AdoptionSearchResponse(hits.Count, page, pageSize, pageRows, facets));
    }

    /// <summary>The prefectures an adoption row is in: those of the codes it resolved to, else the one it names.</summary>
    internal static IReadOnlyList<string> PrefecturesOf(AdoptionRow r, MunicipalityDirectory d)
    {
        var names = r.Adoption.LgCodes.Select(d.Find).Where(m => m is not null).Select(m => m!.PrefectureName).Distinct().ToList();
        if (names.Count == 0) names.Add(string.IsNullOrEmpty(r.Adoption.Prefecture) ? NoPrefecture : r.Adoption.Prefecture);
        return names;
    }

    private static string PrefectureOrder(string name, MunicipalityDirectory d) =>
        d.Named(name).FirstOrDefault(m => m.IsPrefecture)?.Code ?? "999999";

    private static bool Matches(AdoptionRow r, string text, MunicipalityDirectory d)
    {
        var kana = MunicipalityDirectory.ToHiragana(text);
        return r.Adoption.Municipality.Contains(text, StringComparison.Ordinal)
            || (r.Adoption.Title?.Contains(text, StringComparison.Ordinal) ?? false)
            || (r.Adoption.Note?.Contains(text, StringComparison.Ordinal) ?? false)
            || r.ProgramName.Contains(text, StringComparison.Ordinal)
            || r.Adoption.LgCodes.Any(c => d.Find(c)?.Kana.StartsWith(kana, StringComparison.Ordinal) ?? false);
    }
}
