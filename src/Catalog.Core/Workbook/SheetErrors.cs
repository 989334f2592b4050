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
        var result = new List<ImportError>();
        foreach (var e in errors)
        {
            if (e.Sheet is not null || e.RecordId is null || !cells.TryGetValue((e.File, e.RecordId), out var map) || map.Find(e.Field is null ? "$" : "$." + e.Field) is not { } at)
            {
                result.Add(e);
                continue;
            }
            if (!reported.Contains((e.File, at.Sheet, at.Row, at.Header)))
                result.Add(new ImportError(e.File, at.Row, e.RecordId, at.Header, Japanese(e, at)) { Sheet = at.Sheet });
        }
        return result;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    /// <summary>The validator's message, said for staff; a message not known here is kept as it is.</summary>
    internal static string Japanese(ImportError e, CellRef at)
    {
        var field = Index().Replace(e.Field ?? "", "[]");
        var m = e.Message;
        var v = at.Text;
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
