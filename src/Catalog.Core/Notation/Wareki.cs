using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>A date found in running text, with the time of day written right after it (10:00, 正午, 17時), if any.</summary>
public readonly record struct DateMention(DateOnly Date, TimeOnly? Time);

/// <summary>
/// 和暦 (Japanese era) dates and 年度 (fiscal years, April–March). A 年度 is stored as the
/// Gregorian year it starts in: 令和3年度 = 2021; 平成31年度 and 令和元年度 are both 2019.
/// </summary>
public static partial class Wareki
{
    private sealed record Era(string Name, string Letter, DateOnly Start);

    // Newest first, so a date picks the era it falls in.
    private static readonly Era[] Eras =
    [
        new("令和", "R", new DateOnly(2019, 5, 1)),
        new("平成", "H", new DateOnly(1989, 1, 8)),
        new("昭和", "S", new DateOnly(1926, 12, 25)),
    ];

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|R|H|S)\.?(?<y>元|\d{1,2})(?:年|\.)(?<m>\d{1,2})(?:月|\.)(?<d>\d{1,2})日?$")]
    private static partial Regex WarekiDatePattern();

    [GeneratedRegex(@"^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日$")]
    private static partial Regex SeirekiDatePattern();

    /// <summary>A 年度 as written: 令和3年度, R3年度, 令和元年度, 2021年度 (after full-width letters and digits are made ASCII and spaces dropped).</summary>
    public const string FiscalYearRegex = @"^(?:(?<era>令和|平成|昭和|R|H|S)\.?(?<y>元|\d{1,2})|(?<g>\d{4}))年度$";

    [GeneratedRegex(FiscalYearRegex)]
    private static partial Regex FiscalYearPattern();

    /// <summary>Parses 令和2年5月29日, 令和元年5月1日, 平成31年4月1日, R3.8.24, 2024年4月5日.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var s = JapaneseText.NormalizeAscii(text);
        var m = WarekiDatePattern().Match(s);
        int year;
        if (m.Success)
            year = EraYear(m.Groups["era"].Value, m.Groups["y"].Value);
        else if ((m = SeirekiDatePattern().Match(s)).Success)
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        else
            return false;
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses 令和3年度, R3年度, 平成31年度, 令和元年度, 2021年度 to the Gregorian start year.</summary>
    public static bool TryParseFiscalYear(string text, out int fiscalYear)
    {
        fiscalYear = 0;
        var m = FiscalYearPattern().Match(JapaneseText.NormalizeAscii(text));
        if (!m.Success) return false;
        fiscalYear = m.Groups["g"].Success
            ? int.Parse(m.Groups["g"].Value, CultureInfo.InvariantCulture)
            : EraYear(m.Groups["era"].Value, m.Groups["y"].Value);
        return true;
    }

    // Dates and 年度 as running text writes them, in one pass so a date without its year can take
    // it from the date or 年度 before it: 令和2年5月29日（金）～7月31日（金）, 同年5月10日.
    [GeneratedRegex(@"(?<![A-Za-z])(?<era>令和|平成|昭和|R|H|S) ?\.? ?(?<y>元|\d{1,2}) ?[年.] ?(?<m>\d{1,2}) ?[月.] ?(?<d>\d{1,2}) ?日?"
        + @"|(?<!\d)(?<g>\d{4}) ?(?:年 ?(?<gm>\d{1,2}) ?月 ?(?<gd>\d{1,2}) ?日|[/.\-](?<gm>\d{1,2})[/.\-](?<gd>\d{1,2})(?!\d))"
        + @"|同年 ?(?<sm>\d{1,2}) ?月 ?(?<sd>\d{1,2}) ?日"
        + @"|(?:同月|(?<=(?:から|[～〜~]) ?))(?<!\d)(?<dd>\d{1,2}) ?日(?!間|以内|前|後)"
        + @"|(?<=[～〜~] ?)(?<!\d)(?<sm>\d{1,2})/(?<sd>\d{1,2})(?![\d/])"
        + @"|(?<!\d)(?<mm>\d{1,2}) ?月 ?(?<md>\d{1,2}) ?日"
        + @"|(?<![A-Za-z])(?<fera>令和|平成|R|H) ?(?<fy>元|\d{1,2}) ?年度|(?<!\d)(?<fg>\d{4}) ?年度")]
    private static partial Regex DateInText();

    // The time right after a date, past a weekday in brackets: （金）12:00, 17時00分, 午後5時, 正午.
    [GeneratedRegex(@"\G ?(?:\([月火水木金土日祝・]+\) ?)?(?:(?<noon>正午)|(?<ampm>午前|午後)? ?(?<h>\d{1,2}) ?(?::|時) ?(?:(?<min>\d{2}) ?分?)?)")]
    private static partial Regex TimeAfterDate();

    /// <summary>
    /// Every date a running text writes (和暦 and 西暦, full-width digits, R6.4.5, 2024/4/5), with
    /// the time written after it. A date without a year (7月31日, 同年5月10日, ～9/21) takes the year
    /// of the date before it in the same text, or of the 年度 before it (4月–12月 in its first year);
    /// a day alone (同月6日, 18日から29日まで) takes that date's month too.
    /// </summary>
    public static IReadOnlyList<DateMention> FindDates(string? text)
    {
        var found = new List<DateMention>();
        if (string.IsNullOrWhiteSpace(text)) return found;
        var s = JapaneseText.NormalizeWidth(text);
        DateOnly? previous = null;
        int? fiscalYear = null;
        foreach (Match m in DateInText().Matches(s))
        {
            int year, month, day;
            if (m.Groups["fy"].Success || m.Groups["fg"].Success)
            {
                fiscalYear = m.Groups["fg"].Success ? Int(m.Groups["fg"]) : EraYear(m.Groups["fera"].Value, m.Groups["fy"].Value);
                previous = null;
                continue;
            }
            if (m.Groups["era"].Success) (year, month, day) = (EraYear(m.Groups["era"].Value, m.Groups["y"].Value), Int(m.Groups["m"]), Int(m.Groups["d"]));
            else if (m.Groups["g"].Success) (year, month, day) = (Int(m.Groups["g"]), Int(m.Groups["gm"]), Int(m.Groups["gd"]));
            else if (m.Groups["sm"].Success)
            {
                if (previous is not { } p) continue;
                (month, day) = (Int(m.Groups["sm"]), Int(m.Groups["sd"]));
                year = month < p.Month && !m.Value.StartsWith("同年", StringComparison.Ordinal) ? p.Year + 1 : p.Year;
            }
            else if (m.Groups["dd"].Success)
            {
                // 同月6日, 18日から29日まで: the day of the month written before.
                if (previous is not { } p) continue;
                (year, month, day) = (p.Year, p.Month, Int(m.Groups["dd"]));
            }
            else
            {
                (month, day) = (Int(m.Groups["mm"]), Int(m.Groups["md"]));
                if (previous is { } p) year = month < p.Month ? p.Year + 1 : p.Year;
                else if (fiscalYear is { } fy) year = month >= 4 ? fy : fy + 1;
                else continue;
            }
            if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) continue;
            var date = new DateOnly(year, month, day);
            previous = date;
            found.Add(new(date, TimeAfter(s, m.Index + m.Length)));
        }
        return found;
    }

    private static TimeOnly? TimeAfter(string s, int at)
    {
        var t = TimeAfterDate().Match(s, at);
        if (!t.Success) return null;
        if (t.Groups["noon"].Success) return new TimeOnly(12, 0);
        var hour = Int(t.Groups["h"]);
        var minute = t.Groups["min"].Success ? Int(t.Groups["min"]) : 0;
        if (t.Groups["ampm"].Value == "午後" && hour < 12) hour += 12;
        if (hour == 24 && minute == 0) return new TimeOnly(23, 59, 59); // 24時 / 24:00 is the end of the day
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    // 年度 and years as running text writes them; ranges (令和2～4年度, 2018～2020年度) name every year between.
    [GeneratedRegex(@"(?<![A-Za-z])(?<re1>令和|平成|R|H) ?(?<ry1>元|\d{1,2}) ?(?:年度?)? ?(?:[～〜~\-－―]|から) ?(?:(?<re2>令和|平成|R|H) ?)?(?<ry2>元|\d{1,2}) ?年度"
        + @"|(?<!\d)(?<g1>\d{4}) ?(?:年度?)? ?(?:[～〜~\-－―]|から) ?(?<g2>\d{4}) ?年度"
        + @"|(?<![A-Za-z])(?<fe>令和|平成|R|H) ?(?<fy>元|\d{1,2}) ?年度"
        + @"|(?<!\d)(?<fg>\d{4}) ?年度"
        + @"|(?<ye>令和|平成) ?(?<yy>元|\d{1,2}) ?年(?!度| ?\d{1,2} ?月)"
        + @"|(?<!\d)(?<yg>\d{4}) ?年(?!度| ?\d{1,2} ?月)"
        + @"|(?<![A-Za-z])(?<se>R|H) ?(?<sy>元|\d{1,2})(?![\d.年/])"
        + @"|FY ?(?<fyg>\d{4})")]
    private static partial Regex FiscalYearInText();

    /// <summary>
    /// Every 年度 a running text names: 令和6年度, R6年度, R6, R6補正, 2024年度, FY2024, ranges
    /// (令和2年度～令和4年度, 令和2～4年度), a year alone (令和6年, 2024年), and the 年度 of every
    /// date it writes (令和6年5月10日 is in 令和6年度, 令和7年2月1日 too).
    /// </summary>
    public static IReadOnlySet<int> FindFiscalYears(string? text)
    {
        var years = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text)) return years;
        var s = JapaneseText.NormalizeWidth(text);
        foreach (Match m in FiscalYearInText().Matches(s))
        {
            if (m.Groups["ry1"].Success || m.Groups["g1"].Success)
            {
                int from, to;
                if (m.Groups["g1"].Success) (from, to) = (Int(m.Groups["g1"]), Int(m.Groups["g2"]));
                else
                {
                    from = EraYear(m.Groups["re1"].Value, m.Groups["ry1"].Value);
                    to = EraYear(m.Groups["re2"].Success ? m.Groups["re2"].Value : m.Groups["re1"].Value, m.Groups["ry2"].Value);
                }
                if (to < from || to - from > 20) { years.Add(from); years.Add(to); continue; }
                for (var y = from; y <= to; y++) years.Add(y);
            }
            else if (m.Groups["fy"].Success) years.Add(EraYear(m.Groups["fe"].Value, m.Groups["fy"].Value));
            else if (m.Groups["fg"].Success) years.Add(Int(m.Groups["fg"]));
            else if (m.Groups["yy"].Success) years.Add(EraYear(m.Groups["ye"].Value, m.Groups["yy"].Value));
            else if (m.Groups["yg"].Success) years.Add(Int(m.Groups["yg"]));
            else if (m.Groups["sy"].Success) years.Add(EraYear(m.Groups["se"].Value, m.Groups["sy"].Value));
            else if (m.Groups["fyg"].Success) years.Add(Int(m.Groups["fyg"]));
        }
        foreach (var d in FindDates(text)) years.Add(FiscalYearOf(d.Date));
        return years;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    /// <summary>The 年度 a date falls in (April 1 starts a new one).</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>2021 → 令和3年度; 2019 → 令和元年度 (the era in force for most of that 年度).</summary>
    public static string FormatFiscalYear(int fiscalYear)
    {
        // A 年度 is named by the era in force on its last day (平成31年度 became 令和元年度).
        var era = EraOf(new DateOnly(fiscalYear + 1, 3, 31));
        return $"{era.Name}{YearNumber(era, fiscalYear)}年度";
    }

    /// <summary>2020-05-29 → 令和2年5月29日.</summary>
    public static string FormatDate(DateOnly date)
    {
        var era = EraOf(date);
        return $"{era.Name}{YearNumber(era, date.Year)}年{date.Month}月{date.Day}日";
    }

    private static Era EraOf(DateOnly date) => Eras.First(e => date >= e.Start);

    private static string YearNumber(Era era, int year)
    {
        var n = year - era.Start.Year + 1;
        return n == 1 ? "元" : n.ToString(CultureInfo.InvariantCulture);
    }

    private static int EraYear(string era, string year)
    {
        var e = Eras.First(x => x.Name == era || x.Letter == era);
        var n = year == "元" ? 1 : int.Parse(year, CultureInfo.InvariantCulture);
        return e.Start.Year + n - 1;
    }
}
