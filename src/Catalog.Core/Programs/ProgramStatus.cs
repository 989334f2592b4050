using System.Globalization;

namespace Catalog.Core.Programs;

/// <summary>Where a program's application stands at a moment, derived from its windows; never stored.</summary>
public sealed record ProgramStatus(string? Status, DateTimeOffset? NextDeadline)
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>予告 (a window opens later), 受付中 (one is open), 締切 (all closed), 通年 (open all year); null without windows.</summary>
    public static ProgramStatus At(ProgramRecord program, DateTimeOffset asOf)
    {
        if (program.Windows.Count == 0) return new(null, null);
        if (program.Windows.Any(w => w.YearRound)) return new("通年", null);

        string status = "締切";
        DateTimeOffset? next = null;
        foreach (var w in program.Windows)
        {
            var start = ParseTime(w.Start);
            var end = ParseTime(w.End);
            var opened = start is null || start <= asOf;
            var closed = end is not null && end < asOf;
            if (opened && !closed) status = "受付中";
            else if (!opened && status != "受付中") status = "予告";
            if (!closed && end is not null && (next is null || end < next)) next = end;
        }
        return new(status, next);
    }

    /// <summary>Whole days from <paramref name="asOf"/> to the deadline, counted on JST calendar days.</summary>
    public static int? DaysLeft(DateTimeOffset? deadline, DateTimeOffset asOf) =>
        deadline is null ? null
        : DateOnly.FromDateTime(deadline.Value.ToOffset(Jst).DateTime).DayNumber - DateOnly.FromDateTime(asOf.ToOffset(Jst).DateTime).DayNumber;

    public static DateTimeOffset? ParseTime(string? iso) =>
        iso is null ? null : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
