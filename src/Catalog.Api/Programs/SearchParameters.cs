using System.ComponentModel;
using System.Globalization;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Programs;

/// <summary>The search parameters of GET /api/programs and GET /api/export, as sent.</summary>
/// <remarks>Numbers and dates arrive as text so a bad value gets a ProblemDetails naming the parameter.</remarks>
public sealed record SearchParameters(
    [FromQuery(Name = "q")][property: Description("Words ANDed; \"quoted phrase\"; -word excludes; OR between words. At most 256 characters.")] string? Q,
    [FromQuery(Name = "ministry")][property: Description("所管府省 (repeatable; OR within the facet). E.g. 内閣府, 総務省.")] string[]? Ministry,
    [FromQuery(Name = "kind")][property: Description("支援の種類 (repeatable): 交付金, 補助金, 委託, 伴走支援・計画策定支援 …")] string[]? Kind,
    [FromQuery(Name = "field")][property: Description("分野 (repeatable): スマートシティ, MaaS, 自動運転 …")] string[]? Field,
    [FromQuery(Name = "applicant")][property: Description("申請主体 (repeatable). Nested: 中枢中核都市 also finds programs open to 市区町村 or 地方公共団体.")] string[]? Applicant,
    [FromQuery(Name = "level")][property: Description("national, prefectural, municipal or private (repeatable).")] string[]? Level,
    [FromQuery(Name = "fiscalYear")][property: Description("年度 as the Gregorian start year, e.g. 2021 for 令和3年度 (repeatable).")] string[]? FiscalYear,
    [FromQuery(Name = "status")][property: Description("予告, 受付中, 締切, 通年 or 終了, computed at asOf (repeatable). 受付中 includes 通年; 終了 = the program's last fiscal year is over and no window lies ahead.")] string[]? Status,
    [FromQuery(Name = "asOf")][property: Description("Reference time for status and deadlines: ISO date or date-time; default now (JST).")] string? AsOf,
    [FromQuery(Name = "rateMin")][property: Description("Lowest acceptable (highest) subsidy rate, a decimal 0–1, e.g. 0.5.")] string? RateMin,
    [FromQuery(Name = "capMin")][property: Description("Lowest acceptable cap in yen.")] string? CapMin,
    [FromQuery(Name = "capMax")][property: Description("Highest acceptable cap in yen (programs without a stated cap are left out).")] string? CapMax,
    [FromQuery(Name = "deadlineBefore")][property: Description("Only programs whose next deadline is on or before this ISO date (JST).")] string? DeadlineBefore,
    [FromQuery(Name = "sort")][property: Description("relevance (default), deadline, cap, rate or name; ties broken by id.")] string? Sort,
    [FromQuery(Name = "page")][property: Description("1-based page number.")] string? Page,
    [FromQuery(Name = "pageSize")][property: Description("Hits per page, 1–100 (default 20).")] string? PageSize,
    [FromQuery(Name = "interpret")][property: Description("true (default): 年度, 補助率 (and 定額), amounts, applicant classes, status words and ministries written in q become filters (listed in the response's understood; q is then searched without them); false: q is searched as text only.")] string? Interpret = null,
    [FromQuery(Name = "hideEnded")][property: Description("true: leave out programs that have ended (status 終了). Default false: they stay searchable.")] string? HideEnded = null,
    [FromQuery(Name = "rateKind")][property: Description("補助率の種類 (repeatable; OR within the facet): 定額 (the rate text says 定額, alone or beside a fraction) or 定率 (it names a fraction: 1/2, 1/2以内, 10/10 …). Derived from the record's rate text; programs without a stated rate have neither.")] string[]? RateKind = null,
    [FromQuery(Name = "purpose")][property: Description("What the town wants to do (repeatable; OR within the facet), e.g. 防災を強くしたい: a rule over fields and kinds, listed with its rule in /api/vocabulary (purposes).")] string[]? Purpose = null)
{
    public const int MaxPageSize = 100;
    public const int MaxDepth = 10_000;

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
            var page = ParseInt("page", Page, 1, 1, int.MaxValue);
            var pageSize = ParseInt("pageSize", PageSize, 20, 1, MaxPageSize);
            if ((long)page * pageSize > MaxDepth)
                throw new ParameterException("page", $"page {page} × pageSize {pageSize} goes past the first {MaxDepth} hits; narrow the search instead");
            var capMin = ParseLong("capMin", CapMin);
            var capMax = ParseLong("capMax", CapMax);
            if (capMin is not null && capMax is not null && capMin > capMax)
                throw new ParameterException("capMin", $"capMin ({capMin}) is greater than capMax ({capMax})");
            var ministries = indexedMinistries;
            request = new SearchRequest
            {
                Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
                Ministries = Known("ministry", Ministry, Vocabulary.Ministries.Concat(ministries).Distinct().ToList()),
                Kinds = Known("kind", Kind, Vocabulary.Kinds),
                Fields = Known("field", Field, Vocabulary.Fields),
                Applicants = Known("applicant", Applicant, Vocabulary.Applicants),
                Levels = Known("level", Level, Vocabulary.Levels),
                Statuses = Known("status", Status, Vocabulary.Statuses),
                HideEnded = ParseBool("hideEnded", HideEnded, fallback: false),
                FiscalYears = (FiscalYear ?? []).Select(ParseFiscalYear).Distinct().ToList(),
                RateMin = ParseRate(RateMin),
                RateKinds = Known("rateKind", RateKind, RateKindFacet.Values),
                Purposes = Known("purpose", Purpose, Purposes.Values),
                CapMin = capMin,
                CapMax = capMax,
                DeadlineBefore = DeadlineBefore is null ? null : ParseTime("deadlineBefore", DeadlineBefore, endOfDay: true),
                Sort = ParseSort(Sort),
                Page = page,
                PageSize = pageSize,
                AsOf = asOf,
            };
            if (ParseBool("interpret", Interpret, fallback: true))
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
        raw is null ? DateTimeOffset.UtcNow.ToOffset(ProgramStatus.Jst) : ParseTime("asOf", raw, endOfDay: false);

    public static ProblemDetails Problem(string parameter, string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = $"Invalid parameter '{parameter}'",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        Extensions = { ["parameter"] = parameter },
    };

    private static List<string> Known(string name, string[]? values, IReadOnlyCollection<string> allowed)
    {
        var result = new List<string>();
        foreach (var raw in values ?? [])
        {
            var v = raw.Trim();
            if (!allowed.Contains(v))
                throw new ParameterException(name, $"{name} '{raw}' is not a known value; use one of: {string.Join(", ", allowed)}");
            if (!result.Contains(v)) result.Add(v);
        }
        return result;
    }

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

    private static bool ParseBool(string name, string? raw, bool fallback) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new ParameterException(name, $"{name} '{raw}' must be true or false"),
    };

    private static int ParseFiscalYear(string raw)
    {
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1989 and <= 2100) return y;
        if (Wareki.TryParseFiscalYear(raw, out var fy)) return fy;
        throw new ParameterException("fiscalYear", $"fiscalYear '{raw}' is not a 年度; give the Gregorian start year, e.g. 2021 for 令和3年度");
    }

    private static int ParseInt(string name, string? raw, int fallback, int min, int max)
    {
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new ParameterException(name, $"{name} '{raw}' must be a whole number from {min} to {max}");
        return n;
    }

    private static long? ParseLong(string name, string? raw)
    {
        if (raw is null) return null;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new ParameterException(name, $"{name} '{raw}' must be an amount in yen, digits only (e.g. 100000000)");
        return n;
    }

    private static decimal? ParseRate(string? raw)
    {
        if (raw is null) return null;
        if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) || r > 1)
            throw new ParameterException("rateMin", $"rateMin '{raw}' must be a decimal from 0 to 1 (e.g. 0.5 for 1/2)");
        return r;
    }

    private static SearchSort ParseSort(string? raw) => raw switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "deadline" => SearchSort.Deadline,
        "cap" => SearchSort.Cap,
        "rate" => SearchSort.Rate,
        "name" => SearchSort.Name,
        _ => throw new ParameterException("sort", $"sort '{raw}' is not one of: relevance, deadline, cap, rate, name"),
    };

    /// <summary>An ISO date (JST; its start, or its end for deadlines) or an ISO date-time with an offset.</summary>
    private static DateTimeOffset ParseTime(string name, string raw, bool endOfDay)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ProgramStatus.Jst);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];
        if (DateTimeOffset.TryParseExact(raw, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            // Without an offset, a time is JST, like every time in the catalogue.
            if (!raw.EndsWith('Z') && !System.Text.RegularExpressions.Regex.IsMatch(raw, @"[+-]\d\d:?\d\d$"))
                t = new DateTimeOffset(t.UtcDateTime, ProgramStatus.Jst);
            return t.ToOffset(ProgramStatus.Jst);
        }
        throw new ParameterException(name, $"{name} '{raw}' is not an ISO date (2024-05-10) or date-time (2024-05-10T12:00:00+09:00)");
    }

    private sealed class ParameterException(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }
}
