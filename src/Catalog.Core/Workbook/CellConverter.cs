using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Core.Import;
using Catalog.Core.Notation;
using static Catalog.Core.Workbook.SheetRecords;

namespace Catalog.Core.Workbook;

/// <summary>
/// Reads one cell as its column says (年度, 和暦 or Excel dates, counts, labels, codes) into the
/// JSON value a record holds; a cell that cannot be read is reported at its sheet, row and header.
/// </summary>
internal static partial class CellConverter
{
    public static JsonNode? Convert(string file, Column column, RawCell cell, CellRef at, List<ImportError> errors)
    {
        void Fail(string message) => errors.Add(Error(file, at.Sheet, at.Row, at.Header, message));
        if (cell.Kind == RawKind.Error) { Fail($"エラー値 {cell.Text} が入っています。値を入力してください"); return null; }
        var text = cell.Kind == RawKind.Text ? cell.Text : cell.Shown;
        switch (column.Kind)
        {
            case CellKind.Text when column.Path == "rate.text" && cell.Kind == RawKind.Number:
                Fail($"「{cell.Shown}」 は Excel が数か日付に変えた値です。セルの書式を「文字列」にして 1/2 のように入れ直してください");
                return null;
            case CellKind.Text:
                return JsonValue.Create(text);
            case CellKind.Id or CellKind.ProgramRef or CellKind.Choice or CellKind.Choices:
                return JsonValue.Create(text.Trim());
            case CellKind.Code:
                if (cell.Kind == RawKind.Number && cell.Number is >= 0 and < 1_000_000 && cell.Number == Math.Floor(cell.Number))
                    return JsonValue.Create(((int)cell.Number).ToString("D6", CultureInfo.InvariantCulture)); // Excel dropped the leading zero
                return JsonValue.Create(text.Trim());
            case CellKind.Codes:
                if (cell.Kind == RawKind.Number && cell.Number is >= 0 and < 1_000_000 && cell.Number == Math.Floor(cell.Number))
                    return new JsonArray(JsonValue.Create(((int)cell.Number).ToString("D6", CultureInfo.InvariantCulture)));
                return new JsonArray(ListSeparator().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0).Select(c => (JsonNode)JsonValue.Create(c)!).ToArray());
            case CellKind.Lines:
                var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0);
                return new JsonArray(lines.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
            case CellKind.Label:
                var label = text.Trim();
                var match = column.Labels!.FirstOrDefault(l => l.Label == label || l.Value == label);
                if (match.Value is null) { Fail($"「{label}」 は選べません（{string.Join("、", column.Labels!.Select(l => l.Label))} から選んでください）"); return null; }
                return JsonValue.Create(match.Value);
            case CellKind.FiscalYear:
                if (FiscalYear(cell) is { } year) return JsonValue.Create(year);
                Fail($"「{text}」 は年度として読めません（例: 令和6年度, 2024）");
                return null;
            case CellKind.FiscalYears:
                var years = new JsonArray();
                foreach (var part in cell.Kind == RawKind.Number ? [text] : ListSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0))
                {
                    if (FiscalYear(new RawCell(cell.Kind, part, cell.Number, null)) is { } y) { years.Add(y); continue; }
                    Fail($"「{part}」 は年度として読めません（例: 令和5年度、令和6年度）");
                    return null;
                }
                return years;
            case CellKind.Count:
                if (cell.Kind == RawKind.Number && cell.Number == Math.Floor(cell.Number) && Math.Abs(cell.Number) <= int.MaxValue) return JsonValue.Create((int)cell.Number);
                if (cell.Kind == RawKind.Text && int.TryParse(JapaneseText.NormalizeAscii(text.Trim()).Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    return JsonValue.Create(n);
                Fail($"「{text}」 は数として読めません（例: 12）");
                return null;
            case CellKind.Start or CellKind.End:
                if (WindowTime(cell) is { } time) return JsonValue.Create(time);
                Fail($"「{text}」 は日付として読めません（例: 2024/4/5, 令和6年4月5日, 2024/4/5 10:00）");
                return null;
            case CellKind.Flag:
                if (cell.Kind == RawKind.Bool) return cell.Number != 0 ? JsonValue.Create(true) : null;
                var flag = text.Trim();
                if (flag is "○" or "〇" or "◯" or "TRUE" or "true") return JsonValue.Create(true);
                if (flag is "FALSE" or "false" or "×") return null;
                Fail($"「{flag}」 は入れられません（○ か空にしてください）");
                return null;
        }
        return null;
    }

    [GeneratedRegex("[、,，\n]")]
    private static partial Regex ListSeparator();

    private static int? FiscalYear(RawCell cell)
    {
        if (cell.Kind == RawKind.Number) return cell.Number == Math.Floor(cell.Number) && cell.Number is >= 1 and <= 9999 ? (int)cell.Number : null;
        var text = JapaneseText.NormalizeAscii(cell.Text.Trim());
        if (Wareki.TryParseFiscalYear(text, out var year)) return year;
        return text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) ? year : null;
    }

    [GeneratedRegex(@"^(?<date>.+?)(?:[ T　]+(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?)?$")]
    private static partial Regex DateAndTime();

    /// <summary>
    /// A window time as the importer reads it: an Excel date (serial number, JST), ISO 8601,
    /// 2024/4/5 or 令和6年4月5日, each with an optional time. A date alone stays a date, so an
    /// end means the end of that day.
    /// </summary>
    private static string? WindowTime(RawCell cell)
    {
        if (cell.Kind == RawKind.Number)
        {
            if (cell.Number is < 1 or > 2_958_465) return null;
            var t = DateTime.FromOADate(cell.Number);
            t = new DateTime((t.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
            return t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }
        if (cell.Kind != RawKind.Text) return null;
        var text = JapaneseText.NormalizeAscii(cell.Text.Trim());
        if (RecordValidatorTime(text)) return text;
        var m = DateAndTime().Match(text);
        if (!m.Success) return null;
        var datePart = m.Groups["date"].Value;
        DateOnly date;
        if (!DateOnly.TryParseExact(datePart, ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && !Wareki.TryParseDate(datePart, out date)) return null;
        if (!m.Groups["h"].Success) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59) return null;
        return date.ToDateTime(new TimeOnly(hour, minute, second)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static bool RecordValidatorTime(string text) => RecordValidator.ParseWindowTime(text, endOfDay: false) is not null;
}
