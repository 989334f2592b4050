using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Catalog.Api.Feeds;

/// <summary>
/// Application windows as an iCalendar feed (RFC 5545), written by Ical.Net: one event per window
/// from 受付開始 to 締切, all-day where the source gives dates only, otherwise in Asia/Tokyo with
/// its VTIMEZONE; a reminder 7 days before the deadline.
/// </summary>
public static class CalendarFeed
{
    public const string TimeZone = "Asia/Tokyo";
    private static readonly TimeSpan EndOfDay = new(23, 59, 59);

    public static byte[] Write(IReadOnlyList<ProgramRecord> programs, Uri baseUri, DateTimeOffset asOf, DateTimeOffset stamp, string? q,
        IReadOnlyDictionary<string, CallForecast>? forecasts = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Catalog//スマートシティ支援制度カタログ//JA" };
        calendar.AddProperty("X-WR-CALNAME", string.IsNullOrEmpty(q) ? "支援制度の募集期間" : $"支援制度の募集期間「{q}」");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // Japan has kept +09:00 without daylight saving since 1951: one STANDARD rule covers every window.
        calendar.AddTimeZone(TimeZone, new DateTime(2000, 1, 1), includeHistoricalData: false);

        foreach (var p in programs)
        {
            var status = ProgramStatus.At(p, asOf).Status;
            for (var i = 0; i < p.Windows.Count; i++)
                if (Event(p, i, status, baseUri, stamp) is { } e) calendar.Events.Add(e);
            if (forecasts?.GetValueOrDefault(p.Id) is { } f) calendar.Events.Add(Tentative(p, f, baseUri, stamp));
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new UTF8Encoding(false).GetBytes(text);
    }

    /// <summary>Stable per program and window: the round's name when it has one, else its place in the list.</summary>
    public static string Uid(ProgramRecord p, int index)
    {
        var round = p.Windows[index].Round;
        var window = string.IsNullOrWhiteSpace(round) ? $"w{index + 1}" : "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(round)))[..12];
        return $"{p.Id}.{window}@smartcity-catalog";
    }

    private static CalendarEvent? Event(ProgramRecord p, int index, string? status, Uri baseUri, DateTimeOffset stamp)
    {
        var w = p.Windows[index];
        var start = ProgramStatus.TryParseTime(w.Start)?.ToOffset(ProgramStatus.Jst);
        var end = ProgramStatus.TryParseTime(w.End)?.ToOffset(ProgramStatus.Jst);
        if (start is null && end is null) return null;
        var link = new Uri(baseUri, $"./?id={Uri.EscapeDataString(p.Id)}");
        var e = new CalendarEvent
        {
            Uid = Uid(p, index),
            Summary = $"{p.Name}{(string.IsNullOrWhiteSpace(w.Round) ? "" : $"（{w.Round}）")} 募集期間",
            Url = link,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            Description = string.Join("\n", new[]
            {
                $"状態: {status ?? "不明"}",
                start is null ? null : $"受付開始: {Japanese(start.Value)}",
                end is null ? (w.YearRound ? "締切: なし（通年）" : null) : $"締切: {Japanese(end.Value)}",
                w.Method is null ? null : $"申請方法: {w.Method}",
                $"所管: {p.Ministry}",
                link.ToString(),
            }.Where(l => l is not null)),
        };
        // Dates only (a day's start to a day's end): an all-day event, its end the day after (exclusive).
        var allDay = (start is null || start.Value.TimeOfDay == TimeSpan.Zero) && (end is null || end.Value.TimeOfDay == EndOfDay);
        if (allDay)
        {
            var first = DateOnly.FromDateTime((start ?? end)!.Value.DateTime);
            var last = DateOnly.FromDateTime((end ?? start)!.Value.DateTime);
            e.DtStart = new CalDateTime(first);
            e.DtEnd = new CalDateTime(last.AddDays(1));
        }
        else
        {
            e.DtStart = Tokyo((start ?? end)!.Value);
            e.DtEnd = Tokyo((end ?? start)!.Value);
        }
        if (end is not null)
        {
            var trigger = new Trigger(Ical.Net.DataTypes.Duration.FromDays(-7));
            // Relative to the deadline (DTEND). Ical.Net 5.2 does not write the Related property; the parameter it does.
            trigger.Parameters.Set("RELATED", TriggerRelation.End);
            e.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = $"締切まで7日: {p.Name}", Trigger = trigger });
        }
        return e;
    }

    /// <summary>The estimated next call as a TENTATIVE all-day event, said to be an estimate in its title and text.</summary>
    private static CalendarEvent Tentative(ProgramRecord p, CallForecast f, Uri baseUri, DateTimeOffset stamp)
    {
        var link = new Uri(baseUri, $"./?id={Uri.EscapeDataString(p.Id)}");
        var start = DateOnly.ParseExact(f.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(f.End, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CalendarEvent
        {
            Uid = $"{p.Id}.forecast-{f.FiscalYear.ToString(CultureInfo.InvariantCulture)}@smartcity-catalog",
            Summary = $"【推定】{p.Name} 次回公募",
            Status = EventStatus.Tentative,
            Url = link,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(end.AddDays(1)),
            Description = string.Join("\n", f.Text, $"推定の根拠: {f.Basis}", "公表された日程ではありません。公募要領で確認してください。", $"所管: {p.Ministry}", link.ToString()),
        };
    }

    private static CalDateTime Tokyo(DateTimeOffset t) => new(DateTime.SpecifyKind(t.DateTime, DateTimeKind.Unspecified), TimeZone, hasTime: true);

    private static string Japanese(DateTimeOffset t)
    {
        var date = Wareki.FormatDate(DateOnly.FromDateTime(t.DateTime));
        return t.TimeOfDay == TimeSpan.Zero || t.TimeOfDay == EndOfDay ? date : $"{date} {t.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
