using System.Globalization;
using System.IO.Packaging;
using System.Text;
using Catalog.Core.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Core.Workbook;

/// <summary>
/// Reads the staff workbook (.xlsx) into sheets, row by row with <see cref="OpenXmlReader"/>:
/// values, formulas and merged ranges as they are, whether Excel, LibreOffice or this program
/// wrote the file (shared or inline strings, phonetic guides left out). The package is inspected
/// first (<see cref="PackageInspector"/>): a file beyond <see cref="FileLimits"/>, with macros
/// or links to other workbooks, is refused in one line before the SDK opens it.
/// </summary>
internal static class WorkbookReader
{
    /// <summary>Extensions of Excel files this reader refuses by name, with what to do instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".xlsm"] = "マクロ有効ブック（.xlsm）は取り込みません",
        [".xltm"] = "マクロ有効テンプレート（.xltm）は取り込みません",
        [".xlsb"] = "Excel バイナリ ブック（.xlsb）は読めません",
        [".xls"] = "Excel 97-2003 ブック（.xls）は読めません",
    };

    public static List<InputRecord> Read(string file, FileLimits limits, List<ImportError> errors)
    {
        if (Refused.TryGetValue(Path.GetExtension(file), out var refused))
        {
            errors.Add(new ImportError(file, null, null, null, $"{refused}。{PackageInspector.SaveAsXlsx}"));
            return [];
        }
        var clock = new ReadClock(limits);
        SpreadsheetDocument document;
        try
        {
            PackageInspector.Inspect(file, limits, clock);
            document = SpreadsheetDocument.Open(file, isEditable: false);
        }
        catch (FileLimitException e)
        {
            errors.Add(e.ToError(file));
            return [];
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            errors.Add(new ImportError(file, null, null, null, $"Excel ブック（.xlsx）として開けません: {e.Message}"));
            return [];
        }

        try
        {
            return Read(file, document, clock, errors);
        }
        catch (FileLimitException e)
        {
            errors.Add(e.ToError(file));
            return [];
        }
        finally
        {
            document.Dispose();
        }
    }

    private static List<InputRecord> Read(string file, SpreadsheetDocument document, ReadClock clock, List<ImportError> errors)
    {
        var workbookPart = document.WorkbookPart;
        if (workbookPart?.Workbook?.Sheets is null)
        {
            errors.Add(new ImportError(file, null, null, null, "Excel ブック（.xlsx）にシートがありません"));
            return [];
        }
        var strings = SharedStrings(workbookPart, clock);
        var present = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbookPart.Workbook.Sheets.Elements<Sheet>())
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id) present.TryAdd(name.Trim(), id); // a name given twice: the first, as Excel shows it
        var tables = new List<SheetTable>();
        foreach (var layout in WorkbookLayout.Sheets)
        {
            if (!present.TryGetValue(layout.Name, out var relationship) || workbookPart.GetPartById(relationship) is not WorksheetPart part)
            {
                errors.Add(new ImportError(file, null, null, null,
                    $"シート 「{layout.Name}」 がありません（シートの名前を変えたり、シートを消したりしないでください）"));
                continue;
            }
            tables.Add(ReadSheet(layout.Name, part, strings, clock));
        }
        return SheetRecords.Build(file, tables, stored: null, errors);
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart, ReadClock clock)
    {
        var result = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part) return result;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            clock.Check();
            result.Add(StringOf((SharedStringItem)reader.LoadCurrentElement()!));
        }
        return result;
    }

    /// <summary>The text of a string item: its runs, without the phonetic guide (ふりがな) Japanese Excel adds.</summary>
    private static string StringOf(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t) sb.Append(t.Text);
            else if (child is Run r) sb.Append(string.Concat(r.Elements<Text>().Select(x => x.Text)));
        }
        return sb.ToString();
    }

    private static SheetTable ReadSheet(string name, WorksheetPart part, List<string> strings, ReadClock clock)
    {
        var table = new SheetTable(name);
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Row))
            {
                clock.Check();
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } r ? (int)r : nextRow;
                nextRow = number + 1;
                var cells = new Dictionary<int, RawCell>();
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference ? CellNames.ColumnNumber(reference) : column + 1;
                    var value = ValueOf(cell, strings);
                    if (value.Kind != RawKind.Empty || value.Formula is not null) cells[column] = value;
                }
                if (number == 1) foreach (var (k, v) in cells) table.Header[k] = v;
                else if (number > 1) table.Rows.Add((number, cells));
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (merge.Reference?.Value is { } range) table.Merged.Add(range);
            }
        }
        return table;
    }

    private static RawCell ValueOf(Cell cell, List<string> strings)
    {
        var formula = cell.CellFormula is { } f ? (f.Text.Length > 0 ? f.Text : "…") : null;
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return new RawCell(RawKind.Text, cell.InlineString is { } inline ? StringOf(inline) : "", 0, formula);
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? new RawCell(RawKind.Text, strings[i], 0, formula)
                : new RawCell(RawKind.Error, "#REF!", 0, formula);
        if (raw is null) return RawCell.Blank with { Formula = formula };
        if (type == CellValues.String) return new RawCell(RawKind.Text, raw, 0, formula);
        if (type == CellValues.Boolean) return new RawCell(RawKind.Bool, "", raw == "1" ? 1 : 0, formula);
        if (type == CellValues.Error) return new RawCell(RawKind.Error, raw, 0, formula);
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new RawCell(RawKind.Number, "", d.ToOADate(), formula)
                : new RawCell(RawKind.Text, raw, 0, formula);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? new RawCell(RawKind.Number, "", n, formula)
            : new RawCell(RawKind.Text, raw, 0, formula);
    }
}
