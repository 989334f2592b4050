using System.Globalization;
using System.Text;
using Catalog.Core.Import;
using Catalog.Core.Store;
using Sylvan.Data.Csv;

namespace Catalog.Core.Workbook;

/// <summary>
/// Reads one sheet of the workbook saved as CSV by Excel: UTF-8 with or without a BOM, or
/// Shift_JIS (CP932) as Japanese Windows saves it. The header row tells which sheet it is; the
/// stored catalogue is the base and only what that sheet holds is replaced.
/// </summary>
internal static class CsvSheetReader
{
    public static List<InputRecord> Read(string file, Encoding? encoding, ProgramStore store, List<ImportError> errors)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (IOException e) { errors.Add(new ImportError(file, null, null, null, e.Message)); return []; }

        if (!TryDecode(bytes, encoding, out var text, out var problem))
        {
            errors.Add(new ImportError(file, null, null, null, problem!));
            return [];
        }

        var rows = new List<string[]>();
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
            {
                HasHeaders = false, Delimiter = ',', MaxBufferSize = 16 * 1024 * 1024,
            });
            while (csv.Read())
            {
                var row = new string[csv.RowFieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
                rows.Add(row);
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ImportError(file, rows.Count + 1, null, null, $"CSV として読めません: {e.Message}"));
            return [];
        }
        if (rows.Count == 0) { errors.Add(new ImportError(file, null, null, null, "CSV が空です")); return []; }

        var (layout, matched) = WorkbookLayout.Sheets.Select(s => (s, Matching(s, rows[0]))).MaxBy(x => x.Item2);
        if (matched < 3)
        {
            errors.Add(new ImportError(file, 1, null, null,
                "1 行目の見出しがどのシートとも合いません。ブックの 1 枚のシートを、見出しの行ごと CSV に保存してください（シート: "
                + string.Join("、", WorkbookLayout.Sheets.Select(s => s.Name)) + "）"));
            return [];
        }

        var table = new SheetTable(layout.Name);
        for (var c = 0; c < rows[0].Length; c++) table.Header[c + 1] = Text(rows[0][c]);
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = new Dictionary<int, RawCell>();
            for (var c = 0; c < rows[r].Length; c++) if (rows[r][c].Length > 0) cells[c + 1] = Text(rows[r][c]);
            table.Rows.Add((r + 1, cells));
        }
        return SheetRecords.Build(file, [table], store.Find, errors);
    }

    private static RawCell Text(string s) => new(RawKind.Text, s, 0, null);

    // Which sheet a CSV is: the one whose first headers it repeats (four tell every sheet apart).
    private static int Matching(SheetLayout layout, string[] header)
    {
        var n = 0;
        while (n < Math.Min(4, Math.Min(header.Length, layout.Columns.Count)) && header[n].Trim() == layout.Columns[n].Header) n++;
        return n;
    }

    /// <summary>UTF-8 when it has a BOM or decodes cleanly; otherwise Shift_JIS; or what was chosen.</summary>
    internal static bool TryDecode(byte[] bytes, Encoding? chosen, out string text, out string? problem)
    {
        text = "";
        problem = null;
        var bom = bytes.AsSpan().StartsWith("\uFEFF"u8);
        var candidates = chosen is not null ? [chosen] : bom ? [ImportOptions.StrictUtf8] : new[] { ImportOptions.StrictUtf8, ImportOptions.ShiftJis };
        foreach (var encoding in candidates)
        {
            try
            {
                var start = bom && encoding.CodePage == 65001 ? 3 : 0;
                text = encoding.GetString(bytes, start, bytes.Length - start);
                return true;
            }
            catch (DecoderFallbackException e)
            {
                problem = $"{(encoding.CodePage == 932 ? "Shift_JIS" : "UTF-8")} として読めないバイトがあります（位置 {e.Index}）。--encoding utf-8 か --encoding shift_jis を確かめてください";
            }
        }
        return false;
    }
}
