using System.Globalization;

namespace Catalog.Core.Programs;

/// <summary>Where a program's application stands at a moment, derived from its windows; never stored.</summary>
public sealed record ProgramStatus(string? Status, DateTimeOffset? NextDeadline)
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>Positions in <see cref="Vocabulary.Statuses"/>: 予告, 受付中, 締切, 通年, 終了.</summary>
    public const int Upcoming = 0, Open = 1, Closed = 2, YearRound = 3, Ended = 4;

    /// <summary>
    /// 予告 (a window opens later), 受付中 (one is open), 締切 (all closed), 通年 (open all year),
    /// 終了 (its last fiscal year is over and no window lies ahead); null without windows while
    /// the program is current (期間不明).
    /// </summary>
    public static ProgramStatus At(ProgramRecord program, DateTimeOffset asOf)
    {
        var windows = program.Windows;
        var opens = new long[windows.Count];
        var closes = new long[windows.Count];
        var yearRound = false;
        for (var i = 0; i < windows.Count; i++)
        {
            opens[i] = OpensAt(windows[i], program.FiscalYears);
            closes[i] = ClosesAt(windows[i]);
            yearRound |= windows[i].YearRound;
        }
        var (status, next) = Rule(opens, closes, yearRound, FiscalEnd(program.FiscalYears), asOf.UtcTicks);
        return new(status < 0 ? null : Vocabulary.Statuses[status], next < 0 ? null : new DateTimeOffset(next, TimeSpan.Zero));
    }

    /// <summary>
    /// The status rule, the one place it is written (the index runs it over its columns): windows
    /// as UTC ticks, <see cref="long.MinValue"/> for no start and <see cref="long.MaxValue"/> for
    /// no end; <paramref name="fiscalEnd"/> is the last moment of the program's last fiscal year
    /// (<see cref="long.MaxValue"/> when it names none). Returns a position in
    /// <see cref="Vocabulary.Statuses"/> (-1: no window, program current) and the next deadline in
    /// UTC ticks (-1: none).
    /// </summary>
    public static (int Status, long NextDeadline) Rule(ReadOnlySpan<long> opens, ReadOnlySpan<long> closes, bool yearRound, long fiscalEnd, long asOfTicks)
    {
        var over = fiscalEnd < asOfTicks;
        if (opens.Length == 0) return (over ? Ended : -1, -1);
        // A year-round program is open from its opening until its last fiscal year ends.
        if (yearRound)
        {
            if (over) return (Ended, -1);
            var opensFirst = long.MaxValue;
            foreach (var o in opens) opensFirst = Math.Min(opensFirst, o);
            return (opensFirst > asOfTicks ? Upcoming : YearRound, -1);
        }
        var status = Closed;
        var next = long.MaxValue;
        for (var i = 0; i < opens.Length; i++)
        {
            var opened = opens[i] <= asOfTicks;
            var closed = closes[i] != long.MaxValue && closes[i] < asOfTicks;
            if (opened && !closed) status = Open;
            else if (!opened && status != Open) status = Upcoming;
            if (!closed && closes[i] < next) next = closes[i];
        }
        // A call of a past fiscal year with nothing ahead has ended (a window without an end closes
        // with its last fiscal year); a window that opens or closes later keeps it current.
        if (over)
        {
            var ahead = false;
            for (var i = 0; i < opens.Length; i++)
                ahead |= opens[i] > asOfTicks || (closes[i] != long.MaxValue && closes[i] >= asOfTicks);
            if (!ahead) return (Ended, -1);
        }
        return (status, next == long.MaxValue ? -1 : next);
    }

    /// <summary>The last moment (UTC ticks) of the last fiscal year named (年度 ends on 31 March, JST); <see cref="long.MaxValue"/> for none.</summary>
    public static long FiscalEnd(IReadOnlyCollection<int> fiscalYears) =>
        fiscalYears.Count == 0 ? long.MaxValue
        : new DateTimeOffset(fiscalYears.Max() + 1, 4, 1, 0, 0, 0, Jst).UtcTicks - 1;

    /// <summary>The fiscal year a program ended with (its last), when its status is 終了.</summary>
    public static int? EndedFiscalYear(ProgramRecord program, string? status) =>
        status == Vocabulary.Statuses[Ended] && program.FiscalYears.Count > 0 ? program.FiscalYears.Max() : null;

    // The importer normalises times to ISO 8601; a record that bypassed it reads as open-ended
    // on that side, the same in the index and on every path that maps a hit.
    public static long OpensAt(ApplicationWindow w, IReadOnlyCollection<int> fiscalYears) =>
        TryParseTime(w.Start)?.UtcTicks ?? NoStartOpens(w, fiscalYears);

    // A window whose start the source does not give: a year-round one opens with its first fiscal
    // year; a call that only states its deadline is taken as open from the start of the fiscal year
    // before (a call for a 年度 is published during the year before at the earliest), so it never
    // reads 受付中 years early.
    private static long NoStartOpens(ApplicationWindow w, IReadOnlyCollection<int> fiscalYears)
    {
        if (fiscalYears.Count == 0) return long.MinValue;
        var first = fiscalYears.Min();
        return new DateTimeOffset(w.YearRound ? first : first - 1, 4, 1, 0, 0, 0, Jst).UtcTicks;
    }

    public static long ClosesAt(ApplicationWindow w) => TryParseTime(w.End)?.UtcTicks ?? long.MaxValue;

    /// <summary>Whole days from <paramref name="asOf"/> to the deadline, counted on JST calendar days.</summary>
    public static int? DaysLeft(DateTimeOffset? deadline, DateTimeOffset asOf) =>
        deadline is null ? null
        : DateOnly.FromDateTime(deadline.Value.ToOffset(Jst).DateTime).DayNumber - DateOnly.FromDateTime(asOf.ToOffset(Jst).DateTime).DayNumber;

    /// <summary>A window time as stored (ISO 8601), or null when it cannot be read.</summary>
    public static DateTimeOffset? TryParseTime(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
