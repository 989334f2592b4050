using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Core.Notation;

namespace Catalog.Core.Drafting;

/// <summary>An application window as found: start and end in the record's form (a date, or a date and time in JST).</summary>
/// <remarks><see cref="StartQuote"/>: a second quote that states the start (the release date a 本日から refers to).</remarks>
public sealed record FoundWindow(string? Start, string? End, string? Round, string? StartQuote = null);

/// <summary>
/// Application windows: the dates after a 公募期間 / 募集期間 / 締切 label (和暦 or 西暦, full-width
/// digits, 「（金）正午」, 「～」「〜」, 同年…), and sentences that say the call runs until a date
/// (公募を本日から令和8年2月27日(金)まで実施). Dates are read by <see cref="Wareki.FindDates"/>.
/// </summary>
public static partial class WindowFinder
{
    private static readonly string[] PeriodLabels =
        ["公募実施期間", "申請受付期間", "公募期間", "募集期間", "受付期間", "応募期間", "申請期間", "提出期間", "応募受付期間", "募集受付期間"];
    private static readonly string[] DeadlineLabels = ["提出期限", "申請期限", "応募期限", "募集締切", "応募締切", "応募締め切り", "受付締切", "締切日", "締め切り", "締切"];

    // A sentence that opens or runs a call; one about the project's own period is not a window.
    [GeneratedRegex(@"(?:公募|募集|受付|応募|申請)")]
    private static partial Regex CallWord();

    [GeneratedRegex(@"(?:事業実施期間|補助事業期間|事業期間|実施期間|交付決定|採択|選定|完了|実績報告)")]
    private static partial Regex NotACall();

    [GeneratedRegex(@"(?:第\s*[0-9０-９一二三四五]\s*(?:次|回)|[0-9０-９一二三四五]\s*次)")]
    private static partial Regex RoundWord();

    public static List<Found<FoundWindow>> Windows(DocumentLines doc)
    {
        var found = new List<Found<FoundWindow>>();
        var used = new HashSet<int>();
        foreach (var (line, at, label) in doc.FindLabels(PeriodLabels.Concat(DeadlineLabels)))
        {
            if (NotACall().IsMatch(doc.Lines[line][..at])) continue; // 補助事業期間, 交付決定…期限
            var (value, quote) = doc.After(line, at, label, more: 2);
            var dates = Wareki.FindDates(value);
            if (dates.Count == 0) continue;
            var deadlineOnly = DeadlineLabels.Contains(label);
            var window = deadlineOnly || dates.Count == 1 ? Single(dates[0], value, deadlineOnly) : Range(dates[0], dates[1]);
            if (window is null) continue;
            used.Add(line);
            Add(found, window with { Round = Round(doc.Lines[line]) }, quote);
        }
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (used.Contains(i)) continue;
            foreach (var sentence in doc.Lines[i].Split('。'))
            {
                if (!sentence.Contains("まで", StringComparison.Ordinal) || !CallWord().IsMatch(sentence) || NotACall().IsMatch(sentence)) continue;
                var dates = Wareki.FindDates(sentence);
                if (dates.Count is 0 or > 2) continue;
                var window = dates.Count == 2 ? Range(dates[0], dates[1]) : Single(dates[0], sentence, deadline: false);
                // Only a date that closes the call (…まで) is read from running text.
                if (window?.End is null) continue;
                // 公募を本日から…まで: 本日 is the date the release is dated, alone on a line at its top.
                if (window.Start is null && (sentence.Contains("本日から", StringComparison.Ordinal) || sentence.Contains("本日より", StringComparison.Ordinal))
                    && ReleaseDate(doc) is { } released && Format(released.Date, end: false) is var start && string.CompareOrdinal(start, window.End) <= 0)
                    window = window with { Start = start, StartQuote = released.Line };
                Add(found, window with { Round = Round(sentence) }, sentence.Trim() + "。");
            }
        }
        return found;
    }

    private static (DateMention Date, string Line)? ReleaseDate(DocumentLines doc)
    {
        for (var i = 0; i < Math.Min(doc.Lines.Count, 8); i++)
        {
            var line = doc.Lines[i].Trim();
            if (line.Length is > 0 and <= 16 && Wareki.FindDates(line) is [var only] && only.Time is null) return (only, line);
        }
        return null;
    }

    private static void Add(List<Found<FoundWindow>> found, FoundWindow window, string quote)
    {
        // 2月2日(金)まで and 2月2日(金)12:00(必着)まで: one deadline, the one with its time is exact.
        var sameDay = found.FindIndex(f => f.Value.Start == window.Start && f.Value.End is { } e && window.End is { } w && e[..10] == w[..10] && e != w);
        if (sameDay >= 0)
        {
            if (window.End!.Length > found[sameDay].Value.End!.Length) found[sameDay] = new(window, quote);
            return;
        }
        if (found.Any(f => f.Value.Start == window.Start && f.Value.End == window.End)) return;
        // The same deadline read twice, once with its start: keep the fuller one.
        var partial = found.FindIndex(f => f.Value.End == window.End && f.Value.Start is null && window.Start is not null);
        if (partial >= 0) { found[partial] = new(window, quote); return; }
        if (window.Start is null && found.Any(f => f.Value.End == window.End)) return;
        found.Add(new(window, quote));
    }

    // One date: an end when the label is a deadline or the text says まで after it, a start when it says から.
    private static FoundWindow? Single(DateMention date, string text, bool deadline)
    {
        var normalized = text.Replace(" ", "", StringComparison.Ordinal);
        if (deadline || normalized.Contains("まで", StringComparison.Ordinal)) return new(null, Format(date, end: true), null);
        if (normalized.Contains("から", StringComparison.Ordinal) || normalized.Contains('～') || normalized.Contains('〜')) return new(Format(date, end: false), null, null);
        return null;
    }

    private static FoundWindow? Range(DateMention start, DateMention end) =>
        end.Date < start.Date ? null : new(Format(start, end: false), Format(end, end: true), null);

    // A date alone stays a date (the importer makes it 00:00 or 23:59:59); a time is kept in JST.
    private static string Format(DateMention d, bool end) => d.Time is { } t
        ? d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + t.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "+09:00"
        : d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Round(string text) => RoundWord().Match(text) is { Success: true } m ? m.Value.Replace(" ", "", StringComparison.Ordinal) : null;
}
