using System.Text.RegularExpressions;
using Catalog.Core.Import;

namespace Catalog.Core.Workbook;

/// <summary>
/// Puts the importer's errors about records read from sheets where staff look: the sheet, the
/// row and the column header, with the message in Japanese. Errors about JSON files pass unchanged.
/// </summary>
internal static partial class SheetErrors
{
    public static List<ImportError> Localise(List<ImportError> errors, IEnumerable<InputRecord> inputs)
    {
        var cells = new Dictionary<(string File, string Id), CellMap>();
        foreach (var input in inputs)
            if (input.Cells is not null && input.Json.TryGetProperty("id", out var id) && id.GetString() is { } key)
                cells.TryAdd((input.File, key), input.Cells);
        if (cells.Count == 0) return errors;

        // A cell the sheet reader could not read is left out of the record; the validator's
        // complaint about the gap ("is required") would only repeat it.
        var reported = errors.Where(e => e.Sheet is not null).Select(e => (e.File, e.Sheet, e.Line, e.Field)).ToHashSet();
        // So is evidence: while a sheet or a cell could not be read, values are missing or shifted,
        // and 根拠 rows pointing at them are not yet wrong.
        var unread = errors.Where(e => e.Sheet is not null || e.RecordId is null).Select(e => e.File).ToHashSet();
        // A required value left empty is reported once, at its cell, not again at its 根拠 row.
        var flagged = errors.Where(e => e.RecordId is not null && e.Field is not null && !IsEvidenceGap(e)).Select(e => (e.File, e.RecordId!, e.Field!)).ToHashSet();
        var result = new List<ImportError>();
        foreach (var e in errors)
        {
            if (e.Sheet is not null || e.RecordId is null || !cells.TryGetValue((e.File, e.RecordId), out var map) || map.Find(e.Field is null ? "$" : "$." + e.Field) is not { } at)
            {
                result.Add(e);
                continue;
            }
            if (IsEvidenceGap(e) && (unread.Contains(e.File) || NamedValue(e) is { } named && flagged.Contains((e.File, e.RecordId, named)))) continue;
            if (!reported.Contains((e.File, at.Sheet, at.Row, at.Header)))
                result.Add(new ImportError(e.File, at.Row, e.RecordId, at.Header, e.Unstated is { } u ? Unstated(u, map) : Japanese(e, at)) { Sheet = at.Sheet });
        }
        return result;
    }

    [GeneratedRegex(@"^'(?<path>[^']*)' names no value")]
    private static partial Regex NamesNoValue();

    /// <summary>The path an evidence entry names but the record lacks (adoptions[0].title), from the validator's message.</summary>
    private static string? NamedValue(ImportError e)
    {
        var m = NamesNoValue().Match(e.Message);
        if (!m.Success || e.Field is null) return null;
        var cut = e.Field.IndexOf("evidence[", StringComparison.Ordinal);
        return (cut < 0 ? "" : e.Field[..cut]) + m.Groups["path"].Value;
    }

    private static bool IsEvidenceGap(ImportError e) =>
        e.Message.StartsWith("has no evidence", StringComparison.Ordinal) || e.Message.Contains("names no value in this record", StringComparison.Ordinal);

    [GeneratedRegex(@"^adoptions\[(?<n>\d+)\]\.")]
    private static partial Regex AdoptionPrefix();

    /// <summary>The evidence rules (RecordValidator.Evidence), said in terms of the 根拠 sheet.</summary>
    private static string? Evidence(ImportError e, string field, string v)
    {
        var m = e.Message;
        var sheet = WorkbookLayout.EvidenceSheet;
        if (m.StartsWith("has no evidence", StringComparison.Ordinal))
        {
            var path = e.Field ?? "";
            var adoption = AdoptionPrefix().Match(path);
            var where = adoption.Success
                ? $"{WorkbookLayout.AdoptionNumberHeader} {int.Parse(adoption.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}・対象の項目 「{path[adoption.Length..]}」"
                : $"対象の項目 「{path}」";
            return $"この値の根拠がありません。{sheet} シートに {where} の行を足してください（資料なら出典文書と引用、ほかは根拠の種類と理由）";
        }
        var last = field[(field.LastIndexOf('.') + 1)..];
        if (!field.Contains("evidence[]", StringComparison.Ordinal)) return null;
        if (m.Contains("names no value in this record", StringComparison.Ordinal))
            return $"「{v}」 が指す値はこの{(field.StartsWith("adoptions", StringComparison.Ordinal) ? "採択の行" : "制度")}にありません（[0] が 1 件目です。例: caps[0], windows[1].end）";
        if (m.Contains("is not a path such as", StringComparison.Ordinal)) return $"「{v}」 は項目の書き方ではありません（例: rate, caps[0], windows[1].end, municipality）";
        if (m.Contains("is not among the sources", StringComparison.Ordinal))
            return field.StartsWith("adoptions", StringComparison.Ordinal)
                ? $"「{v}」 はこの採択の行の 出典文書 ではありません（採択 シートの 出典文書 と同じ文書にしてください）"
                : $"「{v}」 はこの制度の出典にありません（出典 シートにある文書にしてください）";
        if (m.StartsWith("gives either", StringComparison.Ordinal)) return "資料（出典文書と引用）か、それ以外（根拠の種類と理由）か、どちらか一方だけを入力してください";
        if (m.StartsWith("needs a document", StringComparison.Ordinal)) return "出典文書と引用、または根拠の種類と理由を入力してください";
        if (last == "basis" && m.Contains("is not", StringComparison.Ordinal)) return $"「{v}」 は根拠の種類に使えません（資料、general-knowledge、derived-from:制度ID）";
        if (last == "basis") return "根拠の種類 を選んでください（資料のほかは general-knowledge か derived-from:制度ID）";
        if (last == "reason") return "理由 を 1 行で入力してください（資料なしで値を残す理由）";
        if (last == "quote") return "引用 を入力してください（出典文書の中の、値を述べる文をそのまま）";
        if (last == "document") return "出典文書 を入力してください（引用を書くときは必須）";
        if (last == "field") return "対象の項目 を入力してください（例: caps[0], windows[1].end）";
        return null;
    }

    /// <summary>
    /// A value its quotes do not state (EvidenceSupport), said at the value's cell and naming the
    /// 根拠 rows of those quotes: the row to update when the value was changed on purpose.
    /// </summary>
    private static string Unstated(UnstatedValue u, CellMap map)
    {
        var sheet = WorkbookLayout.EvidenceSheet;
        var kind = Audit.EvidenceSupport.JapaneseWord(u.Kind);
        if (u.Quotes.Count == 0)
            return $"{kind} 「{u.Value}」 を述べる引用がありません。別名は資料が使う名前だけです。{sheet} シートに、この別名を含む資料の文を 引用 とする行を足すか、別名を消してください";
        var rows = u.Quotes.Select(q => map.Find("$." + q.Path) is { } c && c.Sheet == sheet
            ? $"{c.Row} 行目の 引用 「{q.Quote}」"
            : $"引用 「{q.Quote}」").ToList();
        return $"{kind} 「{u.Value}」 は {sheet} シート {string.Join("、", rows)} に書かれていません。"
            + $"値を変えたら、その {sheet} の行の 引用 も、新しい値を述べる資料の文に直してください（資料にない値なら 根拠の種類 と 理由 を書く）";
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    /// <summary>The validator's message, said for staff; a message not known here is kept as it is.</summary>
    internal static string Japanese(ImportError e, CellRef at)
    {
        var field = Index().Replace(e.Field ?? "", "[]");
        var m = e.Message;
        var v = at.Text;
        if (Evidence(e, field, v) is { } evidence) return evidence;
        if (m.StartsWith("is required", StringComparison.Ordinal)) return "入力してください";
        if (m.Contains("is not one of:", StringComparison.Ordinal))
            return $"「{v}」 は選べません（一覧から選んでください: {m[(m.IndexOf("one of:", StringComparison.Ordinal) + 7)..].Trim().Replace(", ", "、", StringComparison.Ordinal)}）";
        if (m.Contains("is listed twice", StringComparison.Ordinal)) return $"「{v}」 が二度選ばれています";
        if (m.StartsWith("duplicate id", StringComparison.Ordinal)) return $"制度ID 「{v}」 はほかの行にもあります";
        return field switch
        {
            "id" => $"「{v}」 は制度ID に使えません（半角英小文字・数字を - でつなぐ。例: smart-city-model）",
            "familyKey" => $"「{v}」 は系列キーに使えません（半角英小文字・数字を - でつなぐ）",
            "rate.text" => $"「{v}」 は読めません（例: 1/2, 1/2以内, 定額）",
            "caps[].text" => $"「{v}」 は金額として読めません（例: 3.0億円, 10,000千円, 上限の定めなし）",
            "budget.text" => $"「{v}」 に金額がありません（例: 1,000億円の内数, 6.9億円）",
            "maxDurationText" => $"「{v}」 に年数がありません（例: 最長5か年度）",
            "fiscalYears[]" or "selections[].fiscalYear" or "adoptions[].fiscalYear" or "budget.fiscalYear" => $"「{v}」 はありえない年度です（平成元年度〜2100年度）",
            "windows[].start" or "windows[].end" when m.Contains("is not a date", StringComparison.Ordinal) => $"「{v}」 は日付として読めません（例: 2024/4/5, 令和6年4月5日）",
            "windows[].end" => "終了が開始より前です",
            "windows[].yearRound" => "通年の募集に 終了 は入れられません（終了を空にしてください）",
            "windows[]" => "開始・終了・通年 のどれかを入れてください",
            "selections[].count" => "負の数は入れられません",
            "related[].id" => $"制度ID 「{v}」 の制度は、このブックにもカタログにもありません",
            "sources" => "出典 シートにこの制度の行が 1 行もありません（1 行以上必要です）",
            "adoptions[].lgCode" => $"「{v}」 は全国地方公共団体コード（6 桁、最後の 1 桁は検査数字）ではありません",
            _ => m,
        };
    }
}
