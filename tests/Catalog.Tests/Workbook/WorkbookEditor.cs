using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Tests.Workbook;

/// <summary>
/// Edits a workbook file the way staff do in Excel, through the Open XML SDK: typed text goes to
/// the shared string table (as Excel saves it), rows are deleted and the rows below move up.
/// </summary>
internal sealed class WorkbookEditor : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public WorkbookEditor(string path) => _document = SpreadsheetDocument.Open(path, isEditable: true);

    public void Dispose() => _document.Dispose();

    private WorkbookPart Book => _document.WorkbookPart!;

    public Sheet SheetElement(string name) => Book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);

    public Worksheet Sheet(string name) => ((WorksheetPart)Book.GetPartById(SheetElement(name).Id!)).Worksheet;

    private static SheetData Data(Worksheet sheet) => sheet.GetFirstChild<SheetData>()!;

    public void RenameSheet(string from, string to) => SheetElement(from).Name = to;

    public void RemoveSheet(string name)
    {
        var sheet = SheetElement(name);
        Book.DeletePart(sheet.Id!);
        sheet.Remove();
        Book.Workbook.DefinedNames?.Remove();
    }

    /// <summary>Column letter of a header in row 1.</summary>
    public string Column(string sheet, string header)
    {
        foreach (var cell in Data(Sheet(sheet)).Elements<Row>().First().Elements<Cell>())
            if (Text(cell) == header) return new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
        throw new InvalidOperationException($"no header {header} on {sheet}");
    }

    /// <summary>The row number of the first row whose column A is <paramref name="id"/> (and, if given, whose <paramref name="header"/> is <paramref name="value"/>).</summary>
    public int Row(string sheet, string id, string? header = null, string? value = null)
    {
        var column = header is null ? null : Column(sheet, header);
        foreach (var row in Data(Sheet(sheet)).Elements<Row>())
        {
            if (Get(sheet, $"A{row.RowIndex}") != id) continue;
            if (column is null || Get(sheet, $"{column}{row.RowIndex}") == value) return (int)row.RowIndex!.Value;
        }
        throw new InvalidOperationException($"no row for {id} on {sheet}");
    }

    public int LastRow(string sheet) => (int)Data(Sheet(sheet)).Elements<Row>().Last().RowIndex!.Value;

    public string? Get(string sheet, string reference) => Find(Sheet(sheet), reference) is { } cell ? Text(cell) : null;

    public void SetText(string sheet, string reference, string text)
    {
        var cell = Cell(sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.SharedString;
        cell.CellValue = new CellValue(SharedString(text));
    }

    public void SetNumber(string sheet, string reference, double value)
    {
        var cell = Cell(sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellValue = new CellValue(value);
    }

    public void SetFormula(string sheet, string reference, string formula, string cachedText)
    {
        var cell = Cell(sheet, reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.String;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cachedText);
    }

    public void Merge(string sheet, string range)
    {
        var ws = Sheet(sheet);
        var merges = ws.GetFirstChild<MergeCells>() ?? ws.InsertAfter(new MergeCells(), (OpenXmlElement?)ws.GetFirstChild<AutoFilter>() ?? ws.GetFirstChild<SheetProtection>() ?? (OpenXmlElement)Data(ws))!;
        merges.Append(new MergeCell { Reference = range });
    }

    /// <summary>Deletes a row; the rows below move up, as Excel's 行の削除 does.</summary>
    public void DeleteRow(string sheet, int number)
    {
        var data = Data(Sheet(sheet));
        data.Elements<Row>().Single(r => r.RowIndex!.Value == number).Remove();
        foreach (var row in data.Elements<Row>().Where(r => r.RowIndex!.Value > number).ToList())
        {
            var n = row.RowIndex!.Value - 1;
            row.RowIndex = n;
            foreach (var cell in row.Elements<Cell>())
                cell.CellReference = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()) + n;
        }
    }

    private Cell Cell(string sheet, string reference)
    {
        var ws = Sheet(sheet);
        if (Find(ws, reference) is { } existing) return existing;
        var number = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
        var data = Data(ws);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == number);
        if (row is null)
        {
            row = new Row { RowIndex = number };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < number);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var cell = new Cell { CellReference = reference };
        var next = row.Elements<Cell>().FirstOrDefault(c => CompareColumns(c.CellReference!.Value!, reference) > 0);
        if (next is null) row.Append(cell); else next.InsertBeforeSelf(cell);
        return cell;
    }

    private static int CompareColumns(string a, string b)
    {
        var la = new string(a.TakeWhile(char.IsLetter).ToArray());
        var lb = new string(b.TakeWhile(char.IsLetter).ToArray());
        return la.Length != lb.Length ? la.Length.CompareTo(lb.Length) : string.CompareOrdinal(la, lb);
    }

    private static Cell? Find(Worksheet ws, string reference) =>
        Data(ws).Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    private string Text(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
            return Book.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return cell.CellValue?.Text ?? "";
    }

    private int SharedString(string text)
    {
        var part = Book.SharedStringTablePart ?? Book.AddNewPart<SharedStringTablePart>();
        part.SharedStringTable ??= new SharedStringTable();
        var table = part.SharedStringTable;
        var index = table.Elements<SharedStringItem>().Count();
        table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return index;
    }
}
