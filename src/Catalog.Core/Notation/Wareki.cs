using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

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

    [GeneratedRegex(@"^(?:(?<era>令和|平成|昭和|R|H|S)\.?(?<y>元|\d{1,2})|(?<g>\d{4}))年度$")]
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
