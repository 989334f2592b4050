using System.Globalization;
using Catalog.Core.Notation;

namespace Catalog.Core.Programs;

/// <summary>One past call of a program family: the fiscal year it belonged to and its window.</summary>
public sealed record PastCall(int FiscalYear, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The expected next call of a family whose calls follow a yearly pattern, computed from the
/// family's own past windows. An estimate, never an announced window: it carries its basis.
/// </summary>
public sealed record CallForecast(
    int FiscalYear, string Start, string End, string Text, IReadOnlyList<int> BasisFiscalYears, string Basis)
{
    /// <summary>Always true: what the API and the UI show is an estimate.</summary>
    public bool Estimated => true;

    /// <summary>Fewest past yearly calls a forecast needs.</summary>
    public const int MinimumYears = 2;

    /// <summary>Starts further apart than a season (days, relative to 1 April of their year) show no yearly pattern.</summary>
    public const int MaximumSpreadDays = 92;

    /// <summary>
    /// The next call, or null when the family has fewer than <see cref="MinimumYears"/> yearly
    /// calls, when their starts do not keep to one season, or when a call is open or announced
    /// at <paramref name="asOf"/> (then the real window is what counts).
    /// </summary>
    public static CallForecast? Estimate(IEnumerable<PastCall> calls, DateTimeOffset asOf)
    {
        var all = calls.ToList();
        if (all.Any(c => c.End >= asOf)) return null;
        // One call a fiscal year: its first window (later rounds are extra calls, not the pattern).
        var yearly = all.GroupBy(c => c.FiscalYear).Select(g => g.MinBy(c => c.Start)!).OrderBy(c => c.FiscalYear).ToList();
        if (yearly.Count < MinimumYears) return null;

        var starts = yearly.Select(c => Offset(c.FiscalYear, c.Start)).ToList();
        var ends = yearly.Select(c => Offset(c.FiscalYear, c.End)).ToList();
        if (starts.Max() - starts.Min() > MaximumSpreadDays) return null;
        var startOffset = Median(starts);
        var endOffset = Math.Max(startOffset, Median(ends));

        var today = DateOnly.FromDateTime(asOf.ToOffset(ProgramStatus.Jst).DateTime);
        var year = yearly[^1].FiscalYear + 1;
        while (FiscalStart(year).AddDays(endOffset) < today) year++;
        var start = FiscalStart(year).AddDays(startOffset);
        var end = FiscalStart(year).AddDays(endOffset);

        var basisYears = yearly.Select(c => c.FiscalYear).ToList();
        var basis = $"{string.Join("・", basisYears.Select(Wareki.FormatFiscalYear))}の公募期間から推定";
        return new CallForecast(year, Iso(start), Iso(end), $"次回公募（推定）{Period(start, end)}", basisYears, basis);
    }

    /// <summary>「2027年4月上旬〜5月中旬」: months and thirds of a month, as the estimate deserves.</summary>
    public static string Period(DateOnly start, DateOnly end) =>
        start.Year == end.Year
            ? $"{start.Year}年{start.Month}月{Third(start)}〜{end.Month}月{Third(end)}"
            : $"{start.Year}年{start.Month}月{Third(start)}〜{end.Year}年{end.Month}月{Third(end)}";

    private static string Third(DateOnly d) => d.Day <= 10 ? "上旬" : d.Day <= 20 ? "中旬" : "下旬";

    private static DateOnly FiscalStart(int fiscalYear) => new(fiscalYear, 4, 1);

    // Days from 1 April of the call's fiscal year (negative for a call opened before its year began).
    private static int Offset(int fiscalYear, DateTimeOffset t) =>
        DateOnly.FromDateTime(t.ToOffset(ProgramStatus.Jst).DateTime).DayNumber - FiscalStart(fiscalYear).DayNumber;

    private static int Median(List<int> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
