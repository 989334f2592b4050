using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Search;

/// <summary>
/// One part of <c>q</c> understood as a filter: the text as typed, the request parameter it
/// sets (<c>fiscalYear</c>, <c>rateMin</c>, <c>rateKind</c>, <c>capMin</c>, <c>capMax</c>,
/// <c>applicant</c>, <c>status</c>, <c>deadlineBefore</c>, <c>ministry</c>), the value in that parameter's own
/// format, and a label for people (年度: 令和6年度).
/// </summary>
public sealed record UnderstoodPart(
    [property: Description("The words of q as typed (令和6年度, 補助率 1/2以上).")] string Text,
    [property: Description("The request parameter they set: fiscalYear, rateMin, rateKind, capMin, capMax, applicant, status, deadlineBefore or ministry.")] string Filter,
    [property: Description("The value, in that parameter's own format (2024, 0.5, 100000000, 市区町村, 2024-05-24).")] string Value,
    [property: Description("For people: 年度: 令和6年度.")] string Label);

/// <summary>The query after understanding: the text left to search (null when none is left) and the parts that became filters.</summary>
public sealed record UnderstoodQuery(string? Q, IReadOnlyList<UnderstoodPart> Understood);

/// <summary>
/// Reads the filters planners write into the query line — 年度, 補助率, 上限額, 申請主体, 募集状況,
/// 府省 — and takes them out of the text.
/// </summary>
/// <remarks>
/// <para>Only bare words are read: a "quoted phrase", an excluded -word and a word next to OR
/// are always text. Full-width digits and symbols (２分の１, １，０００万円, ５０％) read as their
/// ASCII forms.</para>
/// <para>The conservative rule: a notation built on a number with a unit or marker (令和6年度, R6,
/// FY2024, 1/2以上, 2分の1, 50%以上, 1,000万円以上, 3億) is unambiguous and always read. A plain
/// word (市町村, 県, 企業, 自治体, 募集中, 国交省 …) is read only when it is the whole word and
/// no program name or alias in the catalogue contains it: 「企業」 stays text because of
/// 企業版ふるさと納税, 「自治体」 because of 自治体AI実装タイプ. Percentages need 補助率 before
/// or 以上 after them (50% alone may be anything); bare fractions need a denominator of 10 or
/// less. 定額 and 定額補助 are plain words (rateKind=定額): text while a program name or alias
/// contains them; 補助率定額 / 補助率 定額 is marked and always read.</para>
/// </remarks>
public static partial class QueryUnderstanding
{
    /// <summary>締切間近: the next deadline falls within this many days of the reference time.</summary>
    public const int NearDeadlineDays = 14;

    // Plain words and what they mean. Keys are NFKC-normalised, lower case.
    private static readonly Dictionary<string, string> ApplicantWords = new(StringComparer.Ordinal)
    {
        ["市区町村"] = "市区町村", ["市町村"] = "市区町村",
        ["都道府県"] = "都道府県", ["道府県"] = "都道府県", ["県"] = "都道府県",
        ["地方公共団体"] = "地方公共団体", ["自治体"] = "地方公共団体", ["地方自治体"] = "地方公共団体",
        // The class closest to a 中核市: most are designated 中枢中核都市, and that class also
        // finds every program open to 市区町村 or 地方公共団体.
        ["中核市"] = "中核市", ["中枢中核都市"] = "中枢中核都市",
        ["民間"] = "民間事業者", ["企業"] = "民間事業者", ["民間企業"] = "民間事業者", ["民間事業者"] = "民間事業者", ["事業者"] = "民間事業者",
        ["大学"] = "大学・研究機関", ["研究機関"] = "大学・研究機関",
        ["npo"] = "NPO・団体", ["個人"] = "個人", ["コンソーシアム"] = "コンソーシアム",
    };

    private static readonly Dictionary<string, string> StatusWords = new(StringComparer.Ordinal)
    {
        ["募集中"] = "受付中", ["受付中"] = "受付中", ["公募中"] = "受付中", ["申請受付中"] = "受付中",
        ["通年募集"] = "通年", ["随時募集"] = "通年",
    };

    private const string NearDeadlineWord = "締切間近";

    private static readonly Dictionary<string, string> RateKindWords = new(StringComparer.Ordinal)
    {
        ["定額"] = RateKindFacet.Fixed, ["定額補助"] = RateKindFacet.Fixed,
    };

    private static readonly Dictionary<string, string> MinistryWords = BuildMinistryWords();

    private static Dictionary<string, string> BuildMinistryWords()
    {
        var words = Vocabulary.Ministries.ToDictionary(m => m, m => m, StringComparer.Ordinal);
        words["国交省"] = "国土交通省";
        words["経産省"] = "経済産業省";
        words["文科省"] = "文部科学省";
        words["厚労省"] = "厚生労働省";
        words["農水省"] = "農林水産省";
        return words;
    }

    // Words that only say which filter the next notation is about (補助率 1/2以上, 上限 1億円).
    private static readonly string[] RatePrefixes = ["補助率"];
    private static readonly string[] CapPrefixes = ["補助上限額", "補助上限", "上限額", "上限"];

    [GeneratedRegex(@"^(?:令和|平成)(?:元|\d{1,2})年度$|^[rh]\.?\d{1,2}年度$|^\d{4}年度$")]
    private static partial Regex FiscalYearWithSuffix();

    [GeneratedRegex(@"^(?<era>[rh])(?<y>\d{1,2})$")]
    private static partial Regex EraLetterYear();

    [GeneratedRegex(@"^fy(?<y>\d{4})$")]
    private static partial Regex FyYear();

    [GeneratedRegex(@"^(?<prefix>補助率)?(?<rate>(?<a>\d{1,3})/(?<b>\d{1,3})|(?<b2>\d{1,3})分の(?<a2>\d{1,3})|(?<p>\d{1,3}(?:\.\d+)?)%)(?<op>以上)?$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(?<prefix>補助上限額|補助上限|上限額|上限)?(?<amount>(?:\d[\d,]*(?:\.\d+)?(?:兆|億|千万|百万|万|千|百)?)+)(?<yen>円)?(?<op>以上|まで|以下|以内)?$")]
    private static partial Regex AmountPattern();

    /// <summary>
    /// Splits <paramref name="q"/> into the text to search and the parts understood as filters.
    /// </summary>
    /// <param name="q">The query as typed; must already be valid <see cref="QueryText"/> syntax.</param>
    /// <param name="asOf">Reference time (締切間近 counts days from it).</param>
    /// <param name="isContentWord">True when a plain word occurs in the catalogue's program names or aliases; such a word stays text.</param>
    public static UnderstoodQuery Interpret(string? q, DateTimeOffset asOf, Func<string, bool> isContentWord)
    {
        if (string.IsNullOrWhiteSpace(q)) return new(null, []);
        var words = Split(q);
        var understood = new List<UnderstoodPart>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsCandidate(words, i)) continue;
            var text = words[i].Text;

            // A prefix word standing alone reads together with the notation after it.
            if (i + 1 < words.Count && IsCandidate(words, i + 1) && Normalize(text) is var prefix
                && (RatePrefixes.Contains(prefix) || CapPrefixes.Contains(prefix))
                && ReadNotation(prefix + Normalize(words[i + 1].Text)) is { Count: > 0 } paired)
            {
                var joined = text + " " + words[i + 1].Text;
                understood.AddRange(paired.Select(p => p with { Text = joined }));
                words[i] = words[i] with { Text = "" };
                words[i + 1] = words[i + 1] with { Text = "" };
                i++;
                continue;
            }

            var whole = ReadNotation(Normalize(text));
            // A word that is part of a program's name stays text (企業 in 企業版ふるさと納税), except a
            // ministry's name: 国土交通省スマートシティ実装化支援事業 is that ministry's program anyway.
            if (whole.Count == 0 && ReadWord(Normalize(text), asOf) is { Count: > 0 } word
                && (word.All(p => p.Filter == "ministry") || !isContentWord(text))) whole = word;
            if (whole.Count > 0)
            {
                understood.AddRange(whole.Select(p => p with { Text = text }));
                words[i] = words[i] with { Text = "" };
                continue;
            }

            // Written without a space: 2021年度ドローン, ドローン補助率1/2以上.
            if (Peel(text) is { } peeled)
            {
                understood.AddRange(peeled.Parts);
                words[i] = words[i] with { Text = peeled.Remainder };
            }
        }
        var rest = string.Join(' ', words.Where(w => w.Text.Length > 0).Select(w => w.Text));
        return new(rest.Length == 0 ? null : rest, understood);
    }

    /// <summary>
    /// The request with the understood filters added. Facets that allow several values
    /// (ministry, applicant, fiscalYear, status, rateKind) take the union of the parameters and the
    /// understood values, as ticking one more facet value would. Bounds take the stricter of the
    /// two: the higher rateMin and capMin, the lower capMax and deadlineBefore.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The bounds contradict each other (capMin above capMax).</exception>
    public static SearchRequest Apply(SearchRequest request, UnderstoodQuery understood)
    {
        List<string> Values(string filter) => understood.Understood.Where(p => p.Filter == filter).Select(p => p.Value).ToList();
        static IReadOnlyList<T> Union<T>(IReadOnlyList<T> given, IEnumerable<T> more) => given.Concat(more).Distinct().ToList();

        var rate = Values("rateMin").Select(v => (decimal?)decimal.Parse(v, CultureInfo.InvariantCulture)).Append(request.RateMin).Max();
        var capMin = Values("capMin").Select(v => (long?)long.Parse(v, CultureInfo.InvariantCulture)).Append(request.CapMin).Max();
        var capMax = Values("capMax").Select(v => (long?)long.Parse(v, CultureInfo.InvariantCulture)).Append(request.CapMax).Where(v => v is not null).Min();
        var deadline = Values("deadlineBefore").Select(v => (DateTimeOffset?)EndOfDay(DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Append(request.DeadlineBefore).Where(v => v is not null).Min();
        if (capMin is not null && capMax is not null && capMin > capMax)
            throw new QuerySyntaxException($"asks for a cap of at least {Money.Format(capMin.Value)} and at most {Money.Format(capMax.Value)}; no program can have both");

        return request with
        {
            Q = understood.Q,
            Ministries = Union(request.Ministries, Values("ministry")),
            Applicants = Union(request.Applicants, Values("applicant")),
            FiscalYears = Union(request.FiscalYears, Values("fiscalYear").Select(v => int.Parse(v, CultureInfo.InvariantCulture))),
            Statuses = Union(request.Statuses, Values("status")),
            RateKinds = Union(request.RateKinds, Values("rateKind")),
            RateMin = rate,
            CapMin = capMin,
            CapMax = capMax,
            DeadlineBefore = deadline,
            Understood = understood.Understood,
        };
    }

    /// <summary>A notation built on a number (年度, 補助率, 金額); empty when <paramref name="s"/> is none.</summary>
    /// <param name="s">One normalised word (see <see cref="Normalize"/>).</param>
    public static IReadOnlyList<UnderstoodPart> ReadNotation(string s)
    {
        if (ReadFiscalYear(s) is { } year)
            return [new(s, "fiscalYear", Inv(year), "年度: " + Wareki.FormatFiscalYear(year))];
        if (ReadRate(s) is { } rate)
            return [new(s, "rateMin", rate.Value, "補助率: " + rate.Label)];
        if (ReadAmount(s) is { } cap)
            return [cap];
        // 補助率 says what 定額 is about, so the pair is read even where 定額 alone stays text.
        if (s.StartsWith(RatePrefixes[0], StringComparison.Ordinal) && RateKindWords.TryGetValue(s[RatePrefixes[0].Length..], out var marked))
            return [RateKind(s, marked)];
        return [];
    }

    private static int? ReadFiscalYear(string s)
    {
        int year;
        if (FiscalYearWithSuffix().IsMatch(s))
        {
            if (!Wareki.TryParseFiscalYear(s.ToUpperInvariant(), out year)) return null;
        }
        else if (EraLetterYear().Match(s) is { Success: true } m)
        {
            if (!Wareki.TryParseFiscalYear(m.Groups["era"].Value.ToUpperInvariant() + m.Groups["y"].Value + "年度", out year)) return null;
        }
        else if (FyYear().Match(s) is { Success: true } fy)
            year = int.Parse(fy.Groups["y"].Value, CultureInfo.InvariantCulture);
        else
            return null;
        return year is >= 1989 and <= 2100 ? year : null;
    }

    private static (string Value, string Label)? ReadRate(string s)
    {
        var m = RatePattern().Match(s);
        if (!m.Success) return null;
        var marked = m.Groups["prefix"].Success || m.Groups["op"].Success;
        // 50% and 3/20 alone may be anything; a rate is written in tenths or less, or marked.
        if (m.Groups["p"].Success && !marked) return null;
        var denominator = m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["b2"].Value;
        if (denominator.Length > 0 && int.Parse(denominator, CultureInfo.InvariantCulture) > 10 && !marked) return null;
        var parsed = RateText.TryParse(m.Groups["rate"].Value, out _);
        if (parsed?.Max is not { } value) return null;
        // Snap to the rate facet's value, so the facet shows it ticked (2/3 → 0.66).
        var bucket = FacetBuckets.Rate.FirstOrDefault(b => Math.Abs(b.Threshold / 10_000m - value) < 0.01m);
        var v = bucket.Value ?? Inv(value);
        var written = m.Groups["p"].Success ? m.Groups["p"].Value + "%" : (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["a2"].Value) + "/" + denominator;
        return (v, written + "以上");
    }

    private static UnderstoodPart? ReadAmount(string s)
    {
        var m = AmountPattern().Match(s);
        if (!m.Success) return null;
        var amount = m.Groups["amount"].Value;
        // A number needs 円 or a large unit to be money: 2024 is not an amount, 3億 is.
        if (!m.Groups["yen"].Success && !amount.Contains('億') && !amount.Contains('万') && !amount.Contains('兆')) return null;
        var parsed = Money.Parse(amount + "円");
        if (parsed.Kind != MoneyTextKind.Amount || parsed.Yen is not { } yen || yen <= 0) return null;
        var atMost = m.Groups["op"].Value is "まで" or "以下" or "以内";
        return atMost
            ? new(s, "capMax", Inv(yen), "上限: " + Money.Format(yen) + "まで")
            : new(s, "capMin", Inv(yen), "上限: " + Money.Format(yen) + "以上");
    }

    private static UnderstoodPart RateKind(string s, string kind) => new(s, "rateKind", kind, "補助率: " + RateKindFacet.Label(kind));

    /// <summary>A plain word (申請主体, 募集状況, 補助率の種類, 府省); empty when <paramref name="s"/> is none.</summary>
    public static IReadOnlyList<UnderstoodPart> ReadWord(string s, DateTimeOffset asOf)
    {
        if (ApplicantWords.TryGetValue(s, out var applicant)) return [new(s, "applicant", applicant, "申請主体: " + applicant)];
        if (StatusWords.TryGetValue(s, out var status)) return [new(s, "status", status, "状況: " + status)];
        if (RateKindWords.TryGetValue(s, out var rateKind)) return [RateKind(s, rateKind)];
        if (s == NearDeadlineWord)
        {
            var until = DateOnly.FromDateTime(asOf.ToOffset(ProgramStatus.Jst).DateTime).AddDays(NearDeadlineDays);
            return
            [
                new(s, "status", "受付中", "状況: 受付中"),
                new(s, "deadlineBefore", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"締切: {Wareki.FormatDate(until)}まで"),
            ];
        }
        if (MinistryWords.TryGetValue(s, out var ministry)) return [new(s, "ministry", ministry, "府省: " + ministry)];
        return [];
    }

    // After a notation, these start a word that belongs to it (1/2以内, 1億円程度, 2024年度末): do not split there.
    private const string BoundTails = "以未まを程超弱強前後約末内中分";

    /// <summary>A notation at the start or the end of a longer word, with an explicit marker (年度, 円, 以上, 補助率 …).</summary>
    private static (List<UnderstoodPart> Parts, string Remainder)? Peel(string raw)
    {
        // Peeling works on the normalised text; NFKC keeps the length of these notations' characters.
        var s = Normalize(raw);
        if (s.Length != raw.Length) return null;
        for (var cut = s.Length - 1; cut >= 2; cut--)
        {
            var head = s[..cut];
            if (!IsMarked(head) || char.IsAsciiDigit(s[cut]) || s[cut] is ',' or '.' or '/' || BoundTails.Contains(s[cut])) continue;
            if (ReadNotation(head) is { Count: > 0 } parts)
                return (parts.Select(p => p with { Text = raw[..cut] }).ToList(), raw[cut..]);
        }
        for (var cut = 1; cut <= s.Length - 2; cut++)
        {
            var tail = s[cut..];
            if (!IsMarked(tail) || char.IsAsciiDigit(s[cut - 1]) || (char.IsAsciiLetter(s[cut - 1]) && char.IsAsciiLetter(s[cut]))) continue;
            if (ReadNotation(tail) is { Count: > 0 } parts)
                return (parts.Select(p => p with { Text = raw[cut..] }).ToList(), raw[..cut]);
        }
        return null;
    }

    // Inside a longer word only notations that say what they are: 年度, 円, 以上/まで, 補助率/上限, 分の, %, FY.
    private static bool IsMarked(string s) =>
        s.EndsWith("年度", StringComparison.Ordinal) || s.Contains('円') || s.EndsWith("以上", StringComparison.Ordinal)
        || s.EndsWith("まで", StringComparison.Ordinal) || s.StartsWith("補助率", StringComparison.Ordinal) || s.StartsWith("上限", StringComparison.Ordinal)
        || s.StartsWith("fy", StringComparison.Ordinal) && s.Length == 6;

    /// <summary>How a word is compared: NFKC (full-width digits and symbols to ASCII), lower case, without spaces.</summary>
    public static string Normalize(string word)
    {
        var s = word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return s.Contains(' ') ? s.Replace(" ", "", StringComparison.Ordinal) : s;
    }

    private static DateTimeOffset EndOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ProgramStatus.Jst).AddDays(1).AddTicks(-1);

    private static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    private static string Inv(long n) => n.ToString(CultureInfo.InvariantCulture);

    // ---- the query line as words, keeping each word's place in the original text ----

    /// <summary>A word as it stands in q (with its quotes or minus); emptied when understood, shortened when peeled.</summary>
    private sealed record Word(string Text, bool Bare, bool IsOr);

    private static List<Word> Split(string q)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i])) { i++; continue; }
            var start = i;
            var bare = true;
            if (q[i] is '-' or '－') { bare = false; i++; }
            if (i < q.Length && q[i] is '"' or '“' or '”')
            {
                var close = q.IndexOfAny(['"', '“', '”'], i + 1);
                i = close < 0 ? q.Length : close + 1;
                words.Add(new Word(q[start..i], Bare: false, IsOr: false));
                continue;
            }
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] is not ('"' or '“' or '”')) i++;
            var text = q[start..i];
            words.Add(new Word(text, bare, IsOr: bare && text == "OR"));
        }
        return words;
    }

    // A word next to OR is one of alternatives, not a condition: it stays text.
    private static bool IsCandidate(List<Word> words, int i) =>
        words[i].Bare && !words[i].IsOr && words[i].Text.Length > 0
        && !(i > 0 && words[i - 1].IsOr) && !(i + 1 < words.Count && words[i + 1].IsOr);
}
