using System.Globalization;
using System.Text;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Store;
using Sylvan.Data.Csv;

namespace Catalog.Core.Workbook;

/// <summary>
/// Reads one sheet of the workbook saved as CSV by Excel: UTF-8 with or without a BOM, or
/// Shift_JIS (CP932) as Japanese Windows saves it. The header row tells which sheet it is; the
/// stored catalogue is the base and only what that sheet holds is replaced. A cell written with
/// the apostrophe of <see cref="FormulaGuard"/> reads as the text before it; a file beyond
/// <see cref="FileLimits"/> is refused in one line.
/// </summary>
internal static class CsvSheetReader
{
    // A record must fit Sylvan's buffer: room for a row of 64 cells at the longest a cell may be.
    private const int CellsPerRecord = 64;

    public static List<InputRecord> Read(string file, Encoding? encoding, ProgramStore store, FileLimits limits, List<ImportError> errors)
    {
        byte[] bytes;
        try
        {
            FileLimitException.CheckFileSize(file, limits);
            bytes = File.ReadAllBytes(file);
        }
        catch (FileLimitException e) { errors.Add(e.ToError(file)); return []; }
        catch (IOException e) { errors.Add(new ImportError(file, null, null, null, e.Message)); return []; }

        if (!TryDecode(bytes, encoding, out var text, out var problem))
        {
            errors.Add(new ImportError(file, null, null, null, problem!));
            return [];
        }

        var rows = new List<string[]>();
        try
        {
            using (text) ReadRows(text, limits, rows);
        }
        catch (FileLimitException e) { errors.Add(e.ToError(file)); return []; }
        catch (CsvFormatException e)
        {
            errors.Add(new ImportError(file, rows.Count + 1, null, null, $"CSV として読めません: {e.Message}"));
            return [];
        }
        if (rows.Count == 0) { errors.Add(new ImportError(file, null, null, null, "CSV が空です")); return []; }

        if (Identify(rows[0]) is not { } layout)
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
            for (var c = 0; c < rows[r].Length; c++) if (rows[r][c].Length > 0) cells[c + 1] = Text(FormulaGuard.Restore(rows[r][c]));
            table.Rows.Add((r + 1, cells));
        }
        return SheetRecords.Build(file, [table], store.Find, errors);
    }

    /// <summary>The rows as text, stopping at the first limit crossed (rows, characters of a cell or a row, time).</summary>
    private static void ReadRows(TextReader text, FileLimits limits, List<string[]> rows)
    {
        var clock = new ReadClock(limits);
        var buffer = (int)Math.Min(int.MaxValue / 2, Math.Max(64 * 1024, (long)limits.MaxCellChars * CellsPerRecord));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', MaxBufferSize = buffer });
        try
        {
            while (csv.Read())
            {
                clock.Check();
                var number = rows.Count + 1;
                if (number > limits.MaxRowsPerSheet)
                    throw FileLimitException.TooManyRows(limits, SheetOf(rows), number);
                var row = new string[csv.RowFieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = csv.GetString(i);
                    if (row[i].Length > limits.MaxCellChars)
                        throw FileLimitException.TooLong($"{CellNames.Column(i + 1)} 列のセルの文字数", limits, SheetOf(rows), number);
                }
                rows.Add(row);
            }
        }
        catch (CsvRecordTooLargeException)
        {
            throw FileLimitException.Over($"{rows.Count + 1} 行目の文字数", FileLimitException.Count(buffer) + " 字",
                $"{nameof(FileLimits.MaxCellChars)} × {CellsPerRecord} 列", SheetOf(rows), rows.Count + 1);
        }
    }

    // The sheet a CSV is, for the message of a limit crossed after its header row.
    private static string? SheetOf(List<string[]> rows) => rows.Count > 0 ? Identify(rows[0])?.Name : null;

    private static RawCell Text(string s) => new(RawKind.Text, s, 0, null);

    // Which sheet a CSV is: the one whose first headers it repeats (four tell every sheet apart; three are enough).
    private static SheetLayout? Identify(string[] header)
    {
        var (layout, matched) = WorkbookLayout.Sheets.Select(s => (s, Matching(s, header))).MaxBy(x => x.Item2);
        return matched >= 3 ? layout : null;
    }

    private static int Matching(SheetLayout layout, string[] header)
    {
        var n = 0;
        while (n < Math.Min(4, Math.Min(header.Length, layout.Columns.Count)) && header[n].Trim() == layout.Columns[n].Header) n++;
        return n;
    }

    /// <summary>
    /// UTF-8 when it has a BOM or decodes cleanly; otherwise Shift_JIS; or what was chosen. The
    /// bytes are checked without being decoded whole, then read through a reader.
    /// </summary>
    internal static bool TryDecode(byte[] bytes, Encoding? chosen, out TextReader text, out string? problem)
    {
        text = TextReader.Null;
        problem = null;
        var bom = bytes.AsSpan().StartsWith("\uFEFF"u8);
        var candidates = chosen is not null ? [chosen] : bom ? [ImportOptions.StrictUtf8] : new[] { ImportOptions.StrictUtf8, ImportOptions.ShiftJis };
        foreach (var encoding in candidates)
        {
            try
            {
                var start = bom && encoding.CodePage == 65001 ? 3 : 0;
                encoding.GetCharCount(bytes, start, bytes.Length - start);
                text = new StreamReader(new MemoryStream(bytes, start, bytes.Length - start, writable: false), encoding, detectEncodingFromByteOrderMarks: false);
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
