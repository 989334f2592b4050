using System.ComponentModel;
using Catalog.Api.Parameters;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Programs;

/// <summary>The search parameters of GET /api/programs and GET /api/export, as sent.</summary>
/// <remarks>Numbers and dates arrive as text so a bad value gets a ProblemDetails naming the parameter.</remarks>
public sealed record SearchParameters(
    [FromQuery(Name = "q")][property: Description("Words ANDed; \"quoted phrase\"; -word excludes; OR between words.")] string? Q,
    [FromQuery(Name = "ministry")][property: Description("所管府省 (repeatable; OR within the facet). E.g. 内閣府, 総務省.")] string[]? Ministry,
    [FromQuery(Name = "kind")][property: Description("支援の種類 (repeatable): 交付金, 補助金, 委託, 伴走支援・計画策定支援 …")] string[]? Kind,
    [FromQuery(Name = "field")][property: Description("分野 (repeatable): スマートシティ, MaaS, 自動運転 …")] string[]? Field,
    [FromQuery(Name = "applicant")][property: Description("申請主体 (repeatable). Nested: 中枢中核都市 also finds programs open to 市区町村 or 地方公共団体.")] string[]? Applicant,
    [FromQuery(Name = "level")][property: Description("実施主体の区分 (repeatable): national (国), prefectural, municipal or private.")] string[]? Level,
    [FromQuery(Name = "fiscalYear")][property: Description("年度 as the Gregorian start year, e.g. 2021 for 令和3年度, or as written: 令和3年度, R3年度 (repeatable).")] string[]? FiscalYear,
    [FromQuery(Name = "status")][property: Description("予告, 受付中, 締切, 通年 or 終了, computed at asOf (repeatable). 受付中 includes 通年; 終了 = the program's last fiscal year is over and no window lies ahead.")] string[]? Status,
    [FromQuery(Name = "asOf")][property: Description("Reference time for status and deadlines: ISO date or date-time; default now (JST).")] string? AsOf,
    [FromQuery(Name = "rateMin")][property: Description("Lowest acceptable (highest) subsidy rate, a decimal 0–1, e.g. 0.5.")] string? RateMin,
    [FromQuery(Name = "capMin")][property: Description("Lowest acceptable cap in yen.")] string? CapMin,
    [FromQuery(Name = "capMax")][property: Description("Highest acceptable cap in yen (programs without a stated cap are left out).")] string? CapMax,
    [FromQuery(Name = "deadlineBefore")][property: Description("Only programs whose next deadline is on or before this ISO date (JST).")] string? DeadlineBefore,
    [FromQuery(Name = "sort")][property: Description("Order of the hits; ties broken by id.")] string? Sort,
    [FromQuery(Name = "page")][property: Description("1-based page number; page × pageSize stays within the first 10,000 hits.")] string? Page,
    [FromQuery(Name = "pageSize")][property: Description("Hits per page.")] string? PageSize,
    [FromQuery(Name = "interpret")][property: Description("true (default): 年度, 補助率 (and 定額), amounts, applicant classes, status words and ministries written in q become filters (listed in the response's understood; q is then searched without them); false: q is searched as text only.")] string? Interpret = null,
    [FromQuery(Name = "hideEnded")][property: Description("true: leave out programs that have ended (status 終了). Default false: they stay searchable.")] string? HideEnded = null,
    [FromQuery(Name = "rateKind")][property: Description("補助率の種類 (repeatable; OR within the facet): 定額 (the rate text says 定額, alone or beside a fraction) or 定率 (it names a fraction: 1/2, 1/2以内, 10/10 …). Derived from the record's rate text; programs without a stated rate have neither.")] string[]? RateKind = null,
    [FromQuery(Name = "purpose")][property: Description("What the town wants to do (repeatable; OR within the facet), e.g. 防災を強くしたい: a rule over fields and kinds, listed with its rule in /api/vocabulary (purposes).")] string[]? Purpose = null)
{
    public const int MaxPageSize = 100;
    public const int MaxDepth = 10_000;

    // How each parameter parses; the OpenAPI document takes their schemas from the same objects.
    public static readonly TextParameter QRule = new("q", QueryText.MaxLength);
    public static readonly ChoiceParameter MinistryRule = new("ministry", Vocabulary.Ministries) { Many = true, Closed = false };
    public static readonly ChoiceParameter KindRule = new("kind", Vocabulary.Kinds) { Many = true };
    public static readonly ChoiceParameter FieldRule = new("field", Vocabulary.Fields) { Many = true };
    public static readonly ChoiceParameter ApplicantRule = new("applicant", Vocabulary.Applicants) { Many = true };
    public static readonly ChoiceParameter LevelRule = new("level", Vocabulary.Levels) { Many = true };
    public static readonly FiscalYearParameter FiscalYearRule = new("fiscalYear") { Many = true };
    public static readonly ChoiceParameter StatusRule = new("status", Vocabulary.Statuses) { Many = true };
    public static readonly TimeParameter AsOfRule = new("asOf", EndOfDay: false);
    public static readonly FractionParameter RateMinRule = new("rateMin");
    public static readonly AmountParameter CapMinRule = new("capMin");
    public static readonly AmountParameter CapMaxRule = new("capMax");
    public static readonly TimeParameter DeadlineBeforeRule = new("deadlineBefore", EndOfDay: true);
    public static readonly ChoiceParameter SortRule = new("sort", [.. Enum.GetNames<SearchSort>().Select(n => n.ToLowerInvariant())], "relevance");
    public static readonly WholeNumberParameter PageRule = new("page", 1, int.MaxValue, 1);
    public static readonly WholeNumberParameter PageSizeRule = new("pageSize", 1, MaxPageSize, 20);
    public static readonly FlagParameter InterpretRule = new("interpret", true);
    public static readonly FlagParameter HideEndedRule = new("hideEnded", false);
    public static readonly ChoiceParameter RateKindRule = new("rateKind", RateKindFacet.Values) { Many = true };
    public static readonly ChoiceParameter PurposeRule = new("purpose", Purposes.Values) { Many = true };

    /// <summary>Every parameter of the record, for the endpoints that take it whole.</summary>
    public static readonly IReadOnlyList<QueryParameter> Rules =
    [
        QRule, MinistryRule, KindRule, FieldRule, ApplicantRule, LevelRule, FiscalYearRule, StatusRule, AsOfRule, RateMinRule,
        CapMinRule, CapMaxRule, DeadlineBeforeRule, SortRule, PageRule, PageSizeRule, InterpretRule, HideEndedRule, RateKindRule,
        PurposeRule,
    ];

    /// <summary>Validates every parameter; on the first bad one, a 400 ProblemDetails naming it.</summary>
    public bool TryBuild(SearchIndex index, out SearchRequest request, out ProblemDetails? problem)
    {
        var ministries = index.ValuesOf(IndexColumns.DimMinistry);
        return TryBuild(ministries, word => IsContentWord(index, ministries, word), out request, out problem);
    }

    /// <summary>Validates every parameter against the vocabularies and the ministries the index holds; no word of q counts as a content word.</summary>
    public bool TryBuild(IReadOnlyCollection<string> indexedMinistries, out SearchRequest request, out ProblemDetails? problem) =>
        TryBuild(indexedMinistries, _ => false, out request, out problem);

    private bool TryBuild(IReadOnlyCollection<string> indexedMinistries, Func<string, bool> isContentWord, out SearchRequest request, out ProblemDetails? problem)
    {
        request = new SearchRequest();
        problem = null;
        try
        {
            _ = QueryText.Parse(Q);
            var asOf = AsOfOrNow(AsOf);
            var page = PageRule.Parse(Page);
            var pageSize = PageSizeRule.Parse(PageSize);
            if ((long)page * pageSize > MaxDepth)
                throw new ParameterException("page", $"page {page} × pageSize {pageSize} goes past the first {MaxDepth} hits; narrow the search instead");
            var capMin = CapMinRule.Parse(CapMin);
            var capMax = CapMaxRule.Parse(CapMax);
            if (capMin is not null && capMax is not null && capMin > capMax)
                throw new ParameterException("capMin", $"capMin ({capMin}) is greater than capMax ({capMax})");
            request = new SearchRequest
            {
                Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
                Ministries = MinistryRule.ParseAll(Ministry, Vocabulary.Ministries.Concat(indexedMinistries).Distinct().ToList()),
                Kinds = KindRule.ParseAll(Kind),
                Fields = FieldRule.ParseAll(Field),
                Applicants = ApplicantRule.ParseAll(Applicant),
                Levels = LevelRule.ParseAll(Level),
                Statuses = StatusRule.ParseAll(Status),
                HideEnded = HideEndedRule.Parse(HideEnded),
                FiscalYears = (FiscalYear ?? []).Select(y => FiscalYearRule.Parse(y)!.Value).Distinct().ToList(),
                RateMin = RateMinRule.Parse(RateMin),
                RateKinds = RateKindRule.ParseAll(RateKind),
                Purposes = PurposeRule.ParseAll(Purpose),
                CapMin = capMin,
                CapMax = capMax,
                DeadlineBefore = DeadlineBeforeRule.Parse(DeadlineBefore),
                Sort = Enum.Parse<SearchSort>(SortRule.Parse(Sort)!, ignoreCase: true),
                Page = page,
                PageSize = pageSize,
                AsOf = asOf,
            };
            if (InterpretRule.Parse(Interpret))
                request = QueryUnderstanding.Apply(request, QueryUnderstanding.Interpret(request.Q, asOf, isContentWord));
            return true;
        }
        catch (QuerySyntaxException e)
        {
            problem = Problem("q", $"q {e.Message}.");
        }
        catch (ParameterException e)
        {
            problem = Problem(e.Parameter, e.Message);
        }
        return false;
    }

    /// <summary>asOf alone, as a program's detail takes it: no search request is built for it.</summary>
    public static bool TryParseAsOf(string? raw, out DateTimeOffset asOf, out ProblemDetails? problem)
    {
        problem = null;
        try
        {
            asOf = AsOfOrNow(raw);
            return true;
        }
        catch (ParameterException e)
        {
            asOf = default;
            problem = Problem(e.Parameter, e.Message);
            return false;
        }
    }

    // One rule for searches and details: asOf as given, or now in Japan.
    private static DateTimeOffset AsOfOrNow(string? raw) =>
        AsOfRule.Parse(raw) ?? DateTimeOffset.UtcNow.ToOffset(ProgramStatus.Jst);

    public static ProblemDetails Problem(string parameter, string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = $"Invalid parameter '{parameter}'",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        Extensions = { ["parameter"] = parameter },
    };

    /// <summary>The ProblemDetails of a parameter that does not parse.</summary>
    public static ProblemDetails Problem(ParameterException e) => Problem(e.Parameter, e.Message);

    // A word inside a program's name or alias is what a planner may be looking for by name. The
    // answer scans every name, so it is kept per opened index (whose value table stands for it);
    // only the few words understanding knows are ever asked.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, bool>> ContentWords = new();

    private static bool IsContentWord(SearchIndex index, object generation, string word) =>
        ContentWords.GetOrCreateValue(generation).GetOrAdd(word, w =>
        {
            var needle = TextNormalizer.Normalize(w);
            return index.Suggest(w, 50).Any(s => s.Kind is "name" or "alias" && TextNormalizer.Normalize(s.Text).Contains(needle, StringComparison.Ordinal));
        });
}
