using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Core.Import;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Audit;

/// <summary>The kinds of value a quote can be read for: each has a notation the checker understands.</summary>
public enum ValueKind { Rate, Money, Date, FiscalYear, Count, Name }

/// <summary>How the evidence of one checkable value backs it.</summary>
public enum Backing
{
    /// <summary>A quote covering the value states it (in some notation).</summary>
    Stated,
    /// <summary>No quote states it, but an entry gives another basis (general-knowledge, derived-from).</summary>
    OtherBasis,
    /// <summary>Quotes cover the value and none states it, or nothing covers it at all.</summary>
    Unsupported,
}

/// <summary>A quote that covers a value: its evidence entry's index in the record (or adoption row) and the entry.</summary>
public sealed record CoveringQuote(int Index, Evidence Entry);

/// <summary>One checkable value of a record: where it is, what it says, and whether its evidence states it.</summary>
public sealed record ValueSupport(string Path, ValueKind Kind, string Value, Backing Backing, IReadOnlyList<CoveringQuote> Quotes)
{
    /// <summary>
    /// Whether the value is refused for its own sake. A value without any evidence is refused by the
    /// evidence check when it needs evidence (EvidencePaths.Required); an alias does not, but an alias
    /// is a name a source uses, so one that no quote states is refused here.
    /// </summary>
    public bool IsRefused => Backing == Backing.Unsupported && (Quotes.Count > 0 || Path.StartsWith("aliases[", StringComparison.Ordinal));

    /// <summary>The value's kind as a word of the messages: rate, amount, date, fiscal year, count, name.</summary>
    public string KindWord => EvidenceSupport.Word(Kind);

    /// <summary>
    /// Why the value is refused, naming its quotes: "the rate 2/3 is not stated by its quote:
    /// evidence[4] 「補助率 1/2」 (002_….txt). …". Paths are relative to the record, or to the
    /// adoption row with <paramref name="evidencePrefix"/> (adoptions[0].).
    /// </summary>
    public string Message(string evidencePrefix = "")
    {
        if (Quotes.Count == 0)
            return $"the {KindWord} {Value} is not stated by any quote: add evidence quoting the document that uses it, or remove it";
        var quotes = string.Join("; ", Quotes.Select(q => $"{evidencePrefix}evidence[{q.Index}] 「{q.Entry.Quote}」 ({q.Entry.Document})"));
        return $"the {KindWord} {Value} is not stated by its quote{(Quotes.Count == 1 ? "" : "s")}: {quotes}. "
            + "A changed value needs its quote updated to a phrase of the document that states it (or another basis with a reason)";
    }
}

/// <summary>
/// Whether each checkable value of a record is stated by the quote that is its evidence: a rate
/// by a quote naming its fractions (1/2, ２分の１, 2分の1, 1/2以内, 定額), an amount by a quote
/// writing the same number of yen (3.0億円, 30,000万円, 300,000千円), a window's start or end by a
/// quote writing that date (和暦 or 西暦, 同年5月10日 after an earlier date) and its time when it is
/// not the whole day (正午, 17時), a 年度 by a quote naming it (令和6年度, R6, 2024年度, 令和6年),
/// a selection count by a number with its counter (8件, 14事業), and a name or alias by a quote
/// that contains it (whitespace and the width of ASCII characters aside). One covering quote that
/// states the value is enough, and so is an entry with another basis. The audit counts the
/// results; the importer refuses what is unsupported. Reading each notation is left to the
/// parsers in <see cref="Notation"/>.
/// </summary>
public static partial class EvidenceSupport
{
    /// <summary>The kinds in the order the audit prints them.</summary>
    public static readonly IReadOnlyList<ValueKind> Kinds = [ValueKind.Rate, ValueKind.Money, ValueKind.Date, ValueKind.FiscalYear, ValueKind.Count, ValueKind.Name];

    internal static string Word(ValueKind kind) => kind switch
    {
        ValueKind.Rate => "rate",
        ValueKind.Money => "amount",
        ValueKind.Date => "date",
        ValueKind.FiscalYear => "fiscal year",
        ValueKind.Count => "count",
        _ => "name",
    };

    /// <summary>The kind as staff read it on the workbook.</summary>
    public static string JapaneseWord(ValueKind kind) => kind switch
    {
        ValueKind.Rate => "補助率",
        ValueKind.Money => "金額",
        ValueKind.Date => "日付",
        ValueKind.FiscalYear => "年度",
        ValueKind.Count => "件数",
        _ => "名前",
    };

    // One value to check: its path, kind, how it is shown, and what a quote must say to state it.
    private sealed record Checkable(string Path, ValueKind Kind, string Shown, Func<string, bool> States);

    /// <summary>The checkable values of a program and how their evidence supports them.</summary>
    public static IEnumerable<ValueSupport> Check(ProgramRecord p) => Check(Values(p), p.Evidence);

    /// <summary>The checkable values of an adoption row (paths relative to the row).</summary>
    public static IEnumerable<ValueSupport> Check(Adoption a) => Check(Values(a), a.Evidence);

    private static IEnumerable<ValueSupport> Check(IEnumerable<Checkable> values, List<Evidence> evidence)
    {
        foreach (var v in values)
        {
            var covering = evidence.Select((e, i) => (Entry: e, Index: i)).Where(x => EvidencePaths.Covers(x.Entry.Field, v.Path)).ToList();
            var quotes = covering.Where(x => x.Entry.IsDocumented && !string.IsNullOrEmpty(x.Entry.Quote))
                .Select(x => new CoveringQuote(x.Index, x.Entry)).ToList();
            var backing = quotes.Any(q => v.States(q.Entry.Quote!)) ? Backing.Stated
                : covering.Any(x => !x.Entry.IsDocumented) ? Backing.OtherBasis
                : Backing.Unsupported;
            yield return new(v.Path, v.Kind, v.Shown, backing, quotes);
        }
    }

    private static IEnumerable<Checkable> Values(ProgramRecord p)
    {
        if (!string.IsNullOrWhiteSpace(p.Name)) yield return Name("name", p.Name);
        for (var i = 0; i < p.Aliases.Count; i++) yield return Name($"aliases[{i}]", p.Aliases[i]);
        for (var i = 0; i < p.FiscalYears.Count; i++) yield return FiscalYear($"fiscalYears[{i}]", p.FiscalYears[i]);
        if (p.Rate is { } rate && RateText.TryParse(rate.Text, out _) is { } parsed)
            yield return new("rate.text", ValueKind.Rate, rate.Text, q => Literally(q, rate.Text) || RateText.States(q, parsed));
        for (var i = 0; i < p.Caps.Count; i++)
            if (Amount($"caps[{i}].text", p.Caps[i].Text, Money.Parse(p.Caps[i].Text)) is { } cap) yield return cap;
        if (p.Budget is { } budget && Amount("budget.text", budget.Text, Money.Find(budget.Text)) is { } amount) yield return amount;
        for (var i = 0; i < p.Windows.Count; i++)
        {
            if (Time($"windows[{i}].start", p.Windows[i].Start, end: false) is { } start) yield return start;
            if (Time($"windows[{i}].end", p.Windows[i].End, end: true) is { } end) yield return end;
        }
        for (var i = 0; i < p.Selections.Count; i++)
        {
            var count = p.Selections[i].Count;
            yield return new($"selections[{i}].count", ValueKind.Count, count.ToString(CultureInfo.InvariantCulture), q => CountText.FindAll(q).Contains(count));
        }
    }

    private static IEnumerable<Checkable> Values(Adoption a)
    {
        if (!string.IsNullOrWhiteSpace(a.Municipality)) yield return Place("municipality", a.Municipality);
        if (!string.IsNullOrWhiteSpace(a.Prefecture)) yield return Place("prefecture", a.Prefecture);
        if (a.FiscalYear is { } fy) yield return FiscalYear("fiscalYear", fy);
    }

    // A name is matched as written: only whitespace, line breaks and the width of ASCII
    // characters may differ (（デジタル実装型） is (デジタル実装型)); other brackets may not.
    private static Checkable Name(string path, string name) => new(path, ValueKind.Name, name, q => Literally(q, name));

    [GeneratedRegex("[、・/]")]
    private static partial Regex PlaceSeparator();

    // A row may name several places (川崎市、箱根町): each must be in the quote.
    private static Checkable Place(string path, string place) =>
        new(path, ValueKind.Name, place, q => Literally(q, place) || PlaceSeparator().Split(place).Where(s => s.Trim().Length > 0).All(s => Literally(q, s)));

    private static Checkable FiscalYear(string path, int year) =>
        new(path, ValueKind.FiscalYear, $"{year} ({Wareki.FormatFiscalYear(year)})", q => Wareki.FindFiscalYears(q).Contains(year));

    private static Checkable? Amount(string path, string text, MoneyText money) => money.Kind switch
    {
        MoneyTextKind.Amount => new(path, ValueKind.Money, text, q => Literally(q, text) || Money.FindAll(q).Contains(money.Yen!.Value)),
        // 上限の定めなし, 予算の範囲内: only the words say it.
        MoneyTextKind.NoAmount => new(path, ValueKind.Money, text, q => Literally(q, text)),
        _ => null,
    };

    private static Checkable? Time(string path, string? text, bool end)
    {
        if (text is null || RecordValidator.ParseWindowTime(text, endOfDay: end) is not { } t) return null;
        var date = DateOnly.FromDateTime(t.DateTime);
        var time = TimeOnly.FromDateTime(t.DateTime);
        // A date alone is the whole day: it opens at 00:00 and closes at 23:59:59.
        var wholeDay = end ? time == new TimeOnly(23, 59, 59) : time == TimeOnly.MinValue;
        var shown = wholeDay ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new(path, ValueKind.Date, shown, q => Wareki.FindDates(q).Any(d => d.Date == date
            && (d.Time is { } at ? at.Hour == time.Hour && at.Minute == time.Minute : wholeDay)));
    }

    /// <summary>True when the quote contains the text as written, whitespace and width aside.</summary>
    private static bool Literally(string quote, string text)
    {
        var needle = JapaneseText.NormalizeAscii(text);
        return needle.Length > 0 && JapaneseText.NormalizeAscii(quote).Contains(needle, StringComparison.Ordinal);
    }
}
