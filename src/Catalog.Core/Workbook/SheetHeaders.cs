using System.Globalization;
using Catalog.Core.Import;
using static Catalog.Core.Workbook.SheetRecords;

namespace Catalog.Core.Workbook;

/// <summary>
/// Checks a sheet's structure before its rows are read: the header row must be the layout's,
/// in its order (numbered vocabulary columns as many as staff kept), and no cell merged.
/// </summary>
internal static class SheetHeaders
{
    public static List<(Column Column, int Index, int Number)>? Match(string file, SheetTable table, SheetLayout layout, List<ImportError> errors)
    {
        string HeaderAt(int n) => table.Header.TryGetValue(n, out var c) ? c.Shown.Trim() : "";
        var result = new List<(Column, int, int)>();
        var at = 1;
        foreach (var column in layout.Columns)
        {
            if (column.Kind != CellKind.Choices)
            {
                if (HeaderAt(at) != column.Header) { HeaderError(file, table, column.Header, at, errors); return null; }
                result.Add((column, -1, at++));
                continue;
            }
            var k = 0;
            while (HeaderAt(at) == column.Header + (k + 1).ToString(CultureInfo.InvariantCulture)) result.Add((column, k++, at++));
            if (k == 0) { HeaderError(file, table, column.Header + "1", at, errors); return null; }
        }
        foreach (var (n, cell) in table.Header.Where(h => h.Key >= at && !h.Value.IsEmpty).OrderBy(h => h.Key))
        {
            errors.Add(Error(file, table.Name, 1, cell.Shown,
                $"{CellNames.Column(n)} 列の 「{cell.Shown}」 はこのシートにない列です。取り込めないので、列を消してください"));
            return null;
        }
        return result;
    }

    private static void HeaderError(string file, SheetTable table, string expected, int at, List<ImportError> errors)
    {
        var actual = table.Header.TryGetValue(at, out var c) ? c.Shown.Trim() : "";
        var elsewhere = table.Header.Where(h => h.Value.Shown.Trim() == expected).Select(h => h.Key).FirstOrDefault();
        var letter = CellNames.Column(at);
        var message = elsewhere > 0
            ? $"列 「{expected}」 は {letter} 列にあるはずが {CellNames.Column(elsewhere)} 列にあります（列の順番を変えないでください）"
            : actual.Length == 0
                ? $"{letter} 列に 「{expected}」 の列がありません（列を消したり動かしたりしないでください）"
                : $"{letter} 列の見出しが 「{actual}」 になっています。「{expected}」 に戻してください（見出しを変えないでください）";
        errors.Add(Error(file, table.Name, 1, expected, message));
    }

    public static void CheckMerged(string file, SheetTable table, List<(Column Column, int Index, int Number)>? columns, List<ImportError> errors)
    {
        foreach (var range in table.Merged)
        {
            var first = range.Split(':')[0];
            var n = CellNames.ColumnNumber(first);
            var header = columns?.FirstOrDefault(c => c.Number == n) is { Column: not null } c ? HeaderOf(c) : CellNames.Column(n) + " 列";
            errors.Add(Error(file, table.Name, CellNames.RowNumber(first), header, $"セルが結合されています（{range}）。結合を解除して、1 つのセルに 1 つの値を入れてください"));
        }
    }

    public static string HeaderOf((Column Column, int Index, int Number) c) =>
        c.Index < 0 ? c.Column.Header : c.Column.Header + (c.Index + 1).ToString(CultureInfo.InvariantCulture);
}
