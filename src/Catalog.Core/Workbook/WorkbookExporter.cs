using System.Globalization;
using System.IO.Packaging;
using System.Text.Json;
using Catalog.Core.Programs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Core.Workbook;

/// <summary>
/// Writes the catalogue as the staff workbook (.xlsx): one sheet per table, Japanese headers,
/// dropdowns for the vocabularies, 和暦 dates, the id column protected, derived columns marked.
/// Sheets are streamed with <see cref="OpenXmlWriter"/> into a write-only package, so memory
/// does not grow with the number of programs.
/// </summary>
public static class WorkbookExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes the workbook to a file, beside it first so a failure leaves no half file.</summary>
    public static void WriteFile(IReadOnlyList<ProgramRecord> programs, string path)
    {
        var partial = path + ".partial";
        try
        {
            using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write))
                Write(programs, output);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial); // gone after the move; removed after a failure
        }
    }

    public static void Write(IReadOnlyList<ProgramRecord> programs, Stream output)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in programs) names[p.Id] = p.Name;
        var widths = SheetCells.ChoiceWidths(programs);

        // Write-only, part after part: System.IO.Packaging then streams each part into the zip
        // instead of holding it in memory (the SDK's SpreadsheetDocument cannot open such a package).
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        var sheets = new Sheets();
        var definedNames = new DefinedNames();
        uint sheetId = 0;

        PackagePart AddSheet(string name)
        {
            sheetId++;
            var part = package.CreatePart(new Uri($"/xl/worksheets/sheet{sheetId}.xml", UriKind.Relative), SheetContentType, CompressionOption.Normal);
            sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = "rId" + sheetId.ToString(CultureInfo.InvariantCulture) });
            return part;
        }

        foreach (var layout in WorkbookLayout.Sheets)
        {
            var part = AddSheet(layout.Name);
            var (lastColumn, lastRow) = WriteDataSheet(part, layout, programs, names, widths);
            definedNames.Append(new DefinedName($"'{layout.Name}'!$A$1:${CellNames.Column(lastColumn)}${lastRow}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true,
            });
        }
        HelpSheets.WriteHelp(AddSheet(WorkbookLayout.HelpSheet), programs.Count, widths);
        HelpSheets.WriteLists(AddSheet(WorkbookLayout.ListsSheet));

        // A zip entry in create mode is written once, in order: each part is created when it is written.
        var stylesPart = package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative), StylesContentType, CompressionOption.Normal);
        using (var stream = stylesPart.GetStream(FileMode.Create, FileAccess.Write)) WorkbookStyles.Create().Save(stream);

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbookPart = package.CreatePart(workbookUri, WorkbookContentType, CompressionOption.Normal);
        package.CreateRelationship(workbookUri, TargetMode.Internal, Relationship + "officeDocument", "rId1");
        for (var i = 1; i <= sheetId; i++)
            workbookPart.CreateRelationship(new Uri($"worksheets/sheet{i}.xml", UriKind.Relative), TargetMode.Internal, Relationship + "worksheet", $"rId{i}");
        workbookPart.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, Relationship + "styles", "rIdStyles");

        var workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets, definedNames);
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        using (var stream = workbookPart.GetStream(FileMode.Create, FileAccess.Write)) workbook.Save(stream);
    }

    private const string Relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string SheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";


    private static (int LastColumn, int LastRow) WriteDataSheet(PackagePart part, SheetLayout layout, IReadOnlyList<ProgramRecord> programs,
        Dictionary<string, string> names, Dictionary<string, int> widths)
    {
        var columns = SheetCells.Expand(layout, widths);
        var property = layout.ArrayPath;
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeader(layout.IsProgramSheet ? 2 : 0));
        var cols = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            var (column, _, _) = columns[i];
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = column.Width, CustomWidth = true, Style = WorkbookStyles.ForColumn(column),
            });
        }
        writer.WriteElement(cols);

        writer.WriteStartElement(new SheetData());
        var row = 1;
        RowWriter.Write(writer, row, columns.Select(c => WrittenCell.Text(c.Header, c.Column.Kind == CellKind.Derived ? WorkbookStyles.HeaderDerived : WorkbookStyles.Header)));
        foreach (var program in programs)
        {
            if (property is null)
            {
                var node = JsonSerializer.SerializeToNode(program, ProgramJson.Compact)!.AsObject();
                RowWriter.Write(writer, ++row, columns.Select(c => SheetCells.CellFor(c.Column, c.Index, node, program, names)));
                continue;
            }
            foreach (var item in SheetCells.Items(layout, program))
                RowWriter.Write(writer, ++row, columns.Select(c => SheetCells.CellFor(c.Column, c.Index, item, program, names)));
        }
        writer.WriteEndElement(); // sheetData

        if (layout.IsProgramSheet)
        {
            // Ids and derived cells are locked; everything else (and every empty row) stays editable.
            writer.WriteElement(new SheetProtection
            {
                Sheet = true, Objects = true, Scenarios = true,
                FormatCells = false, FormatColumns = false, FormatRows = false, InsertRows = false,
                Sort = false, AutoFilter = false,
            });
        }
        var last = CellNames.Column(columns.Count);
        writer.WriteElement(new AutoFilter { Reference = $"A1:{last}{Math.Max(row, 2)}" });
        var validations = Validations(columns);
        if (validations.Count > 0) writer.WriteElement(new DataValidations(validations) { Count = (uint)validations.Count });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        return (columns.Count, Math.Max(row, 2));
    }

    private static SheetViews FrozenHeader(int frozenColumns)
    {
        var topLeft = frozenColumns > 0 ? CellNames.Column(frozenColumns + 1) + "2" : "A2";
        var pane = new Pane
        {
            VerticalSplit = 1, TopLeftCell = topLeft, State = PaneStateValues.Frozen,
            ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
        };
        if (frozenColumns > 0) pane.HorizontalSplit = frozenColumns;
        return new SheetViews(new SheetView(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) })
        {
            WorkbookViewId = 0,
        });
    }

    private static List<DataValidation> Validations(List<(Column Column, string Header, int Index)> columns)
    {
        var result = new List<DataValidation>();
        for (var i = 0; i < columns.Count; i++)
        {
            var (column, header, _) = columns[i];
            string? formula = column.Kind switch
            {
                CellKind.Choice or CellKind.Choices => ListRange(column.Values!),
                CellKind.Label => Quoted(column.Labels!.Select(l => l.Label)),
                CellKind.Flag => Quoted([WorkbookLayout.FlagMark]),
                CellKind.ProgramRef => $"'{WorkbookLayout.ProgramSheet}'!$A$2:$A$1048576",
                _ => null,
            };
            if (formula is null) continue;
            // A related program may live outside this workbook, and a non-national program names its own body.
            var advice = column.ListIsAdvice || (column.Kind == CellKind.ProgramRef && column.Path.Length > 0);
            var letter = CellNames.Column(i + 1);
            result.Add(new DataValidation(new Formula1(formula))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true,
                ErrorStyle = advice ? DataValidationErrorStyleValues.Warning : DataValidationErrorStyleValues.Stop,
                SequenceOfReferences = new ListValue<StringValue>([$"{letter}2:{letter}1048576"]),
                PromptTitle = Truncate(header, 32), Prompt = Truncate(column.Help, 255),
                ErrorTitle = Truncate(header, 32), Error = advice ? "一覧にない値です。このまま入れてよいか確かめてください。" : "一覧から選んでください。",
            });
        }
        return result;
    }

    private static string ListRange(IReadOnlyList<string> values)
    {
        var index = WorkbookLayout.Lists.Select((l, i) => (l, i)).First(x => ReferenceEquals(x.l.Values, values)).i;
        var letter = CellNames.Column(index + 1);
        return $"'{WorkbookLayout.ListsSheet}'!${letter}$2:${letter}${values.Count + 1}";
    }

    private static string Quoted(IEnumerable<string> values) => "\"" + string.Join(",", values) + "\"";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
