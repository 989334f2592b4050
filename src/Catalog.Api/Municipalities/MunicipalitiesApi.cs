using System.ComponentModel;
using System.Globalization;
using Catalog.Api.Export;
using Catalog.Api.Programs;
using Catalog.Core.Municipalities;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;
using Microsoft.AspNetCore.OpenApi;

namespace Catalog.Api.Municipalities;

/// <summary>Municipalities: find one, see its classes, adoptions and peers, and what it can apply for (/api/municipalities).</summary>
public static class MunicipalitiesApi
{
    public const int MaxLimit = 100;

    public static readonly WholeNumberParameter LimitRule = new("limit", 1, MaxLimit, 20);
    public static readonly TextParameter PrefectureRule = new("prefecture", QueryText.MaxLength) { Examples = ["茨城県"] };
    public static readonly ChoiceParameter VerdictFormatRule = new("format", ["json", "csv"], "json");

    /// <summary>The city view leaves out programs that have ended unless asked (hideEnded=false); they are counted either way.</summary>
    public static readonly FlagParameter VerdictHideEndedRule = SearchParameters.HideEndedRule with { Default = true };

    public static IEndpointRouteBuilder MapMunicipalities(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/municipalities").WithTags(ApiTags.Municipalities);
        api.MapGet("", FindMunicipalities).WithName("FindMunicipalities")
            .WithSummary("Find prefectures and municipalities by name, kana reading or 全国地方公共団体コード.")
            .WithParameters(SearchParameters.QRule, LimitRule, PrefectureRule)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{code}", GetMunicipality).WithName("GetMunicipality")
            .WithSummary("One municipality: its classes with their sources, its adoption history and its peers.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{code}/programs", GetVerdicts).WithName("GetMunicipalityPrograms")
            .WithSummary("Every program (or those matching the search filters) with its verdict for the municipality: 対象 / 要確認 / 対象外 with reasons; JSON or CSV.")
            .WithParameters([.. SearchParameters.Rules.With(VerdictHideEndedRule), VerdictFormatRule, CsvExport.EncodingRule])
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                CsvExport.Describe(MediaTypes.Ok(operation).Content!);
                return Task.CompletedTask;
            });
        endpoints.MapGroup("/api").WithTags(ApiTags.Municipalities).MapGet("/prefectures", ListPrefectures).WithName("ListPrefectures")
            .WithSummary("The 47 prefectures in code order (北海道 first), for a prefecture → city picker.");
        endpoints.MapAdoptions();
        return endpoints;
    }

    public static Results<Ok<MunicipalitySearchResponse>, ProblemHttpResult> FindMunicipalities(
        [Description("Name (浜松), prefecture and name (茨城県つくば市), reading in kana (みやこじま) or code (6 digits, or the first 5).")] string? q,
        [Description("At most this many results.")] string? limit,
        MunicipalityStore store,
        [Description("Every municipality of one prefecture (its name, e.g. 茨城県, or code), the prefecture first and then in code order; q and limit do not apply.")] string? prefecture = null)
    {
        int max;
        try
        {
            SearchParameters.QRule.Parse(q);
            max = LimitRule.Parse(limit);
            PrefectureRule.Parse(prefecture);
        }
        catch (ParameterException e) { return TypedResults.Problem(SearchParameters.Problem(e)); }
        if (prefecture is not null) return InPrefecture(prefecture, store.Directory());
        var d = store.Directory();
        var found = string.IsNullOrWhiteSpace(q) ? [] : d.Search(q, max);
        return TypedResults.Ok(new MunicipalitySearchResponse(q ?? "", found.Select(m => MunicipalitySummary.Of(m, d)).ToList()));
    }

    public static Ok<MunicipalitySearchResponse> ListPrefectures(MunicipalityStore store)
    {
        var d = store.Directory();
        return TypedResults.Ok(new MunicipalitySearchResponse("", d.All.Where(m => m.IsPrefecture).OrderBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => MunicipalitySummary.Of(m, d)).ToList()));
    }

    // The list a prefecture → city picker needs: all of them, not the best few.
    private static Results<Ok<MunicipalitySearchResponse>, ProblemHttpResult> InPrefecture(string prefecture, MunicipalityDirectory d)
    {
        if (Lookup(prefecture, "prefecture", d, out var problem) is not { } p) return problem!;
        if (!p.IsPrefecture)
            return TypedResults.Problem(SearchParameters.Problem("prefecture", $"prefecture '{prefecture}' is {p.PrefectureName}{p.Name}, a municipality; give a prefecture (e.g. {p.PrefectureName})."));
        var all = d.All.Where(m => m.PrefectureCode == p.Code && !m.IsPrefecture).OrderBy(m => m.Code, StringComparer.Ordinal).Prepend(p);
        return TypedResults.Ok(new MunicipalitySearchResponse(prefecture, all.Select(m => MunicipalitySummary.Of(m, d)).ToList()));
    }

    public static Results<Ok<MunicipalityDetail>, ProblemHttpResult> GetMunicipality(
        [Description("全国地方公共団体コード (6 digits with check digit, e.g. 472140) or name: 宮古島市, 茨城県つくば市 (the prefecture settles a name two places share, e.g. 府中市).")] string code,
        MunicipalityStore store)
    {
        var d = store.Directory();
        if (Lookup(code, "code", d, out var problem) is not { } m) return problem!;

        var all = store.Adoptions();
        var mine = all.Where(a => a.Adoption.LgCodes.Contains(m.Code)).ToList();
        var classes = d.Facts(m).Select(f => new ClassView(f.Class, Name(f.Membership), f.Source, f.AsOf, f.Note)).ToList();
        return TypedResults.Ok(new MunicipalityDetail(MunicipalitySummary.Of(m, d), Master(d), classes,
            mine.Select(AdoptionView.Of).ToList(), PeerViews(m, d, all)));
    }

    public static Results<Ok<VerdictTable>, PushStreamHttpResult, ProblemHttpResult> GetVerdicts(
        [Description("全国地方公共団体コード (6 digits with check digit) or name, e.g. 加賀市 or 東京都府中市.")] string code,
        [AsParameters] SearchParameters parameters,
        [Description("json, or csv for a 庁内 memo.")] string? format,
        [Description(CsvExport.EncodingDescription)] string? encoding,
        MunicipalityStore municipalities, ProgramStore programs, SearchIndex index)
    {
        bool hideEnded;
        try
        {
            format = VerdictFormatRule.Parse(format);
            hideEnded = VerdictHideEndedRule.Parse(parameters.HideEnded);
        }
        catch (ParameterException e) { return TypedResults.Problem(SearchParameters.Problem(e)); }
        if (CsvExport.TryEncoding(encoding, format == "csv", out var csvEncoding) is { } badEncoding) return TypedResults.Problem(badEncoding);
        var d = municipalities.Directory();
        if (Lookup(code, "code", d, out var problem) is not { } m) return problem!;
        if (!parameters.TryBuild(index, out var request, out var bad)) return TypedResults.Problem(bad!);

        var matching = index.Matching(request with { Highlight = false, HideEnded = false });
        var adoptions = municipalities.Adoptions();
        var history = adoptions.Where(a => a.Adoption.LgCodes.Contains(m.Code)).ToList();
        // Rules may look at programs outside the filter: the ledger sees the whole catalogue.
        var ledger = new AdoptionLedger(matching.Any(p => p.Eligibility?.Rules.Count > 0) ? programs.ReadAll() : matching, adoptions);
        var all = VerdictEngine.Ordered(matching.Select(p => VerdictEngine.Decide(p, m, c => d.Fact(m, c), history, ledger, request.AsOf))).ToList();
        var verdicts = hideEnded ? all.Where(v => v.Outcome != Verdict.Ended).ToList() : all;

        if (format == "csv")
        {
            var file = $"verdicts-{m.Code}-{request.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
            var lines = verdicts.Select(v => (v.ProgramId, v.ProgramName, CsvExport.Line(CsvRow(m, v)))).ToList();
            if (CsvExport.Unencodable(csvEncoding, lines) is { } unencodable) return unencodable;
            return CsvExport.Stream(csvEncoding, CsvHeader, lines, file);
        }
        var counts = new VerdictCounts(all.Count(v => v.Outcome == Verdict.Eligible), all.Count(v => v.Outcome == Verdict.Check),
            all.Count(v => v.Outcome == Verdict.NotEligible), all.Count(v => v.Outcome == Verdict.Ended), all.Count(v => v.Outcome == Verdict.DataGap));
        return TypedResults.Ok(new VerdictTable(MunicipalitySummary.Of(m, d), SearchFormat.Time(request.AsOf), counts, verdicts, hideEnded));
    }

    private static readonly string[] CsvHeader =
        ["団体コード", "団体名", "判定", "制度ID", "制度名", "該当区分", "上限額", "募集状況", "次の締切", "残り日数", "理由", "判定日時"];

    private static string[] CsvRow(Municipality m, Verdict v) =>
    [
        m.Code, m.Name, v.Outcome, v.ProgramId, v.ProgramName, v.MatchedClass ?? "", string.Join("; ", v.Cap?.Texts ?? []),
        v.WindowStatus ?? "", v.NextDeadline ?? "", v.DaysLeft?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join("; ", v.Reasons.Where(r => r.Effect != VerdictReason.Info || v.Outcome != Verdict.NotEligible).Select(r => $"[{r.Rule}] {r.Fact}")),
        v.AsOf,
    ];

    /// <summary>
    /// The entry a parameter names, as people write it: a code (472140), a name (加賀市), a prefecture
    /// and a name (茨城県つくば市) or a reading. Otherwise a ProblemDetails naming <paramref name="parameter"/>:
    /// 400 for a malformed code (length, digits, check digit) or an ambiguous name (with the candidates
    /// and their prefectures), 404 for nothing in the master.
    /// </summary>
    internal static Municipality? Lookup(string text, string parameter, MunicipalityDirectory d, out ProblemHttpResult? problem)
    {
        problem = null;
        var code = MunicipalityDirectory.Normalize(text);
        // No municipality's name has a digit in it: what has one is meant as a code, and is told what is wrong with it.
        if (code.Length == 0 || code.Any(char.IsAsciiDigit))
        {
            if (LgCode.Problem(code) is { } why)
            {
                problem = TypedResults.Problem(SearchParameters.Problem(parameter, $"{parameter} {why}."));
                return null;
            }
            if (d.Find(code) is { } m) return m;
            problem = NotFound(parameter, d.IsEmpty ? $"No municipality master has been imported, so the code {code} cannot be looked up."
                : $"The code {code} is well-formed but is not in the municipality master ({d.Source.Source}).");
            return null;
        }

        var found = d.Resolve(text);
        if (found.Count == 1) return found[0];
        if (found.Count > 1)
        {
            var problemDetails = SearchParameters.Problem(parameter,
                $"{parameter} '{text}' is ambiguous: {string.Join(", ", found.Select(Described))}. Give the prefecture (e.g. {found[0].PrefectureName}{found[0].Name}) or the code.");
            problemDetails.Extensions["candidates"] = found.Select(m => new MunicipalityCandidate(m.Code, m.Name, m.PrefectureName)).ToList();
            problem = TypedResults.Problem(problemDetails);
            return null;
        }
        var near = d.Search(text, 5);
        problem = NotFound(parameter, d.IsEmpty ? $"No municipality master has been imported, so '{text}' cannot be looked up."
            : $"No municipality or prefecture is named '{text}' in the municipality master ({d.Source.Source}); give a name (加賀市, 茨城県つくば市) or a code."
              + (near.Count > 0 ? $" Did you mean: {string.Join(", ", near.Select(Described))}?" : ""));
        return null;
    }

    private static string Described(Municipality m) => m.IsPrefecture ? $"{m.Name} ({m.Code})" : $"{m.PrefectureName}{m.Name} ({m.Code})";

    private static ProblemHttpResult NotFound(string parameter, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such municipality", detail: detail,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    internal static MasterInfo Master(MunicipalityDirectory d) => new(d.Source.Source, d.Source.Version, d.Source.Published, d.Source.License);

    private static string Name(Membership m) => m switch
    {
        Membership.Member => "member",
        Membership.NotMember => "notMember",
        _ => "unknown",
    };

    private static List<PeerView> PeerViews(Municipality m, MunicipalityDirectory d, IReadOnlyList<AdoptionRow> all) =>
        Peers.Of(m, d, all)
            .Select(p => new PeerView(p.Municipality.Code, p.Municipality.Name,
                new PrefectureRef(p.Municipality.PrefectureCode ?? p.Municipality.Code, p.Municipality.PrefectureName), p.Because,
                p.Programs.Select(a => new PeerAdoption(a.ProgramId, a.ProgramName, a.FiscalYears)).ToList()))
            .ToList();
}
