using System.Globalization;
using System.IO.Packaging;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Catalog.Core.Changes;
using Catalog.Core.Notation;
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
    private const int MaxCellText = 32_767; // Excel's limit for one cell

    private static readonly JsonTypeInfo RecordInfo = ProgramJson.Compact.GetTypeInfo(typeof(ProgramRecord));

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
        var widths = ChoiceWidths(programs);

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
        WriteHelpSheet(AddSheet(WorkbookLayout.HelpSheet), programs.Count, widths);
        WriteListsSheet(AddSheet(WorkbookLayout.ListsSheet));

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

    /// <summary>How many numbered columns each vocabulary list gets: enough for the longest list.</summary>
    internal static Dictionary<string, int> ChoiceWidths(IEnumerable<ProgramRecord> programs)
    {
        var widths = WorkbookLayout.Programs.Columns.Where(c => c.Kind == CellKind.Choices).ToDictionary(c => c.Path, c => c.MinColumns);
        foreach (var p in programs)
        {
            widths["kinds"] = Math.Max(widths["kinds"], p.Kinds.Count);
            widths["fields"] = Math.Max(widths["fields"], p.Fields.Count);
            widths["applicants"] = Math.Max(widths["applicants"], p.Applicants.Count);
        }
        return widths;
    }

    /// <summary>The columns of a sheet as they appear, with numbered vocabulary columns expanded.</summary>
    internal static List<(Column Column, string Header, int Index)> Expand(SheetLayout layout, IReadOnlyDictionary<string, int> widths)
    {
        var result = new List<(Column, string, int)>();
        foreach (var c in layout.Columns)
        {
            if (c.Kind != CellKind.Choices) { result.Add((c, c.Header, -1)); continue; }
            for (var i = 0; i < widths[c.Path]; i++) result.Add((c, c.Header + (i + 1).ToString(CultureInfo.InvariantCulture), i));
        }
        return result;
    }

    private static (int LastColumn, int LastRow) WriteDataSheet(PackagePart part, SheetLayout layout, IReadOnlyList<ProgramRecord> programs,
        Dictionary<string, string> names, Dictionary<string, int> widths)
    {
        var columns = Expand(layout, widths);
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
                Min = (uint)i + 1, Max = (uint)i + 1, Width = column.Width, CustomWidth = true, Style = ColumnStyle(column),
            });
        }
        writer.WriteElement(cols);

        writer.WriteStartElement(new SheetData());
        var row = 1;
        WriteRow(writer, row, columns.Select(c => Cell.Text(c.Header, c.Column.Kind == CellKind.Derived ? WorkbookStyles.HeaderDerived : WorkbookStyles.Header)));
        foreach (var program in programs)
        {
            if (property is null)
            {
                var node = JsonSerializer.SerializeToNode(program, ProgramJson.Compact)!.AsObject();
                WriteRow(writer, ++row, columns.Select(c => CellFor(c.Column, c.Index, node, program, names)));
                continue;
            }
            foreach (var item in Items(layout, program))
                WriteRow(writer, ++row, columns.Select(c => CellFor(c.Column, c.Index, item, program, names)));
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

    /// <summary>The rows a table sheet shows for one program, as JSON objects its columns read.</summary>
    internal static IEnumerable<JsonObject> Items(SheetLayout layout, ProgramRecord program)
    {
        if (layout == WorkbookLayout.Evidence)
        {
            foreach (var e in program.Evidence) yield return EvidenceItem(e, null);
            for (var i = 0; i < program.Adoptions.Count; i++)
                foreach (var e in program.Adoptions[i].Evidence) yield return EvidenceItem(e, i + 1);
            yield break;
        }
        if (layout == WorkbookLayout.Rules)
        {
            if (program.Eligibility is { Rules.Count: > 0 } eligibility)
                foreach (var rule in JsonSerializer.SerializeToNode(eligibility.Rules, ProgramJson.Compact)!.AsArray()) yield return rule!.AsObject();
            yield break;
        }
        var property = RecordInfo.Properties.Single(p => p.Name == layout.ArrayPath);
        if (property.Get!(program) is not System.Collections.ICollection { Count: > 0 } list) yield break;
        foreach (var item in JsonSerializer.SerializeToNode(list, property.PropertyType, ProgramJson.Compact)!.AsArray()) yield return item!.AsObject();
    }

    // An entry quoting a document shows 資料 as its kind; the number names the adoption row it belongs to.
    private static JsonObject EvidenceItem(Evidence e, int? adoption)
    {
        var item = JsonSerializer.SerializeToNode(e, ProgramJson.Compact)!.AsObject();
        if (e.Basis is null && e.Document is not null) item["basis"] = WorkbookLayout.DocumentBasis;
        if (adoption is { } n) item[WorkbookLayout.AdoptionNumberPath] = n;
        return item;
    }

    private static uint ColumnStyle(Column column) => column.Kind switch
    {
        CellKind.Lines => WorkbookStyles.Lines,
        CellKind.Start or CellKind.End => WorkbookStyles.Date,
        CellKind.Count => WorkbookStyles.Integer,
        CellKind.Derived => DerivedStyle(column.Derivation),
        _ => WorkbookStyles.Text,
    };

    private static uint DerivedStyle(Derivation d) => d switch
    {
        Derivation.Yen => WorkbookStyles.DerivedYen,
        Derivation.Fraction => WorkbookStyles.DerivedFraction,
        Derivation.Number => WorkbookStyles.DerivedNumber,
        _ => WorkbookStyles.Derived,
    };

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

    private static Cell CellFor(Column column, int index, JsonObject row, ProgramRecord program, Dictionary<string, string> names)
    {
        var node = column.Path.Length == 0 ? null : Navigate(row, column.Path);
        switch (column.Kind)
        {
            case CellKind.Id:
                return Cell.Text(Str(node), WorkbookStyles.IdLocked);
            case CellKind.ProgramRef:
                // The row's own 制度ID column (no path) names the program; a reference column (a rule's
                // programId) stays empty when the rule names a familyKey instead.
                return Cell.Text(column.Path.Length == 0 ? program.Id : Str(node), WorkbookStyles.Text);
            case CellKind.Text or CellKind.Choice or CellKind.Code:
                return Cell.Text(Str(node), WorkbookStyles.Text);
            case CellKind.Codes:
                return Cell.Text(string.Join("、", Strings(node)), WorkbookStyles.Text);
            case CellKind.Lines:
                return Cell.Text(string.Join("\n", Strings(node)), WorkbookStyles.Lines);
            case CellKind.Choices:
                var values = Strings(node);
                return Cell.Text(index < values.Count ? values[index] : "", WorkbookStyles.Text);
            case CellKind.Label:
                var value = Str(node);
                return Cell.Text(column.Labels!.FirstOrDefault(l => l.Value == value).Label ?? value, WorkbookStyles.Text);
            case CellKind.FiscalYear:
                return Cell.Text(node is null ? "" : Wareki.FormatFiscalYear(node.GetValue<int>()), WorkbookStyles.Text);
            case CellKind.FiscalYears:
                return Cell.Text(string.Join("、", (node?.AsArray() ?? []).Select(y => Wareki.FormatFiscalYear(y!.GetValue<int>()))), WorkbookStyles.Text);
            case CellKind.Count:
                return node is null ? Cell.Empty(WorkbookStyles.Integer) : Cell.Number(node.GetValue<int>(), WorkbookStyles.Integer);
            case CellKind.Start or CellKind.End:
                return Time(Str(node), column.Kind == CellKind.End);
            case CellKind.Flag:
                return Cell.Text(node is not null && node.GetValue<bool>() ? WorkbookLayout.FlagMark : "", WorkbookStyles.Text);
            default:
                return Derived(column, node, row, program, names);
        }
    }

    private static Cell Derived(Column column, JsonNode? node, JsonObject row, ProgramRecord program, Dictionary<string, string> names)
    {
        var style = DerivedStyle(column.Derivation);
        switch (column.Derivation)
        {
            case Derivation.ProgramName: return Cell.Text(program.Name, style);
            case Derivation.RelatedName: return Cell.Text(names.GetValueOrDefault(Str(row["id"])) ?? "", style);
            case Derivation.FieldLabel: return Cell.Text(node is null ? "" : FieldLabels.Japanese(Str(node)), style);
            case Derivation.Flag: return Cell.Text(node is not null && node.GetValue<bool>() ? WorkbookLayout.FlagMark : "", style);
        }
        if (node is null) return Cell.Empty(style);
        return column.Derivation switch
        {
            Derivation.Yen => Cell.Number(node.GetValue<long>(), style),
            Derivation.Number => Cell.Number(node.GetValue<int>(), style),
            Derivation.Fraction => Cell.Number((double)node.GetValue<decimal>(), style),
            Derivation.Fractions => Cell.Text(string.Join("、", node.AsArray().Select(f => Fraction(f!.GetValue<decimal>()))), style),
            Derivation.RateKind => Cell.Text(WorkbookLayout.RateKinds.FirstOrDefault(k => k.Value == Str(node)).Label ?? Str(node), style),
            _ => Cell.Empty(style),
        };
    }

    /// <summary>0.6667 → 2/3: the simplest fraction within the rounding the importer keeps.</summary>
    internal static string Fraction(decimal value)
    {
        for (var b = 1; b <= 100; b++)
        {
            var a = decimal.Round(value * b);
            if (a > 0 && Math.Abs(a / b - value) < 0.00006m) return $"{a}/{b}";
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A window time as an Excel date in JST. A start at 00:00 and an end at 23:59:59 are shown as
    /// dates alone; an end at exactly 00:00 is written as text, since a date alone means the end of that day.
    /// </summary>
    private static Cell Time(string iso, bool end)
    {
        if (iso.Length == 0) return Cell.Empty(WorkbookStyles.Date);
        if (!DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return Cell.Text(iso, WorkbookStyles.Text);
        var local = t.ToOffset(ProgramStatus.Jst).DateTime;
        if (end && local.TimeOfDay == TimeSpan.Zero) return Cell.Text(iso, WorkbookStyles.Text);
        var dateOnly = end ? local.TimeOfDay == new TimeSpan(23, 59, 59) : local.TimeOfDay == TimeSpan.Zero;
        return Cell.Number(local.ToOADate(), dateOnly ? WorkbookStyles.Date : WorkbookStyles.DateTime);
    }

    private static JsonNode? Navigate(JsonObject row, string path)
    {
        JsonNode? node = row;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }

    private static string Str(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? a.Select(Str).ToList() : [];

    // Only their names are used: the writer emits start tags from them.
    private static readonly DocumentFormat.OpenXml.Spreadsheet.Cell CellElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private static void WriteRow(OpenXmlWriter writer, int row, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell.Value is null) continue; // an empty cell takes its column's style
            var reference = CellNames.Column(column) + row.ToString(CultureInfo.InvariantCulture);
            var style = cell.Style.ToString(CultureInfo.InvariantCulture);
            if (cell.Value is string text)
            {
                if (text.Length > MaxCellText)
                    throw new InvalidOperationException($"{reference}: a text of {text.Length} characters does not fit in an Excel cell ({MaxCellText} at most)");
                // <c r t="inlineStr" s><is><t xml:space="preserve">…</t></is></c>, written without building a DOM per cell.
                writer.WriteStartElement(CellElement, [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style), new OpenXmlAttribute("t", "", "inlineStr")]);
                writer.WriteStartElement(InlineStringElement);
                writer.WriteStartElement(TextElement, [PreserveSpace]);
                writer.WriteString(text);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteStartElement(CellElement, [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style)]);
                writer.WriteStartElement(ValueElement);
                writer.WriteString(((double)cell.Value).ToString("R", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }
        writer.WriteEndElement();
    }

    private static void WriteHelpSheet(PackagePart part, int programCount, Dictionary<string, int> widths)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 2, Max = 2, Width = 22, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 3, Max = 3, Width = 16, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 4, Max = 4, Width = 60, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 5, Max = 5, Width = 44, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var row = 0;
        void Line(uint style, params string[] texts) => WriteRow(writer, ++row, texts.Select(t => Cell.Text(t, style)));

        Line(WorkbookStyles.HelpTitle, "支援制度カタログ 編集用ブック");
        Line(WorkbookStyles.HelpText, $"制度 {programCount.ToString("N0", CultureInfo.InvariantCulture)} 件。このシート（説明）と 選択肢 シートは読むためのもので、取り込みでは使いません。");
        foreach (var text in Guide) Line(WorkbookStyles.HelpText, text);
        row++;
        Line(WorkbookStyles.Header, "シート", "列（見出し）", "種類", "内容", "書き方・例");
        foreach (var layout in WorkbookLayout.Sheets)
        {
            Line(WorkbookStyles.HelpText, layout.Name, "", "", layout.Help, "");
            foreach (var (column, header, index) in Expand(layout, widths))
            {
                if (index > 0) continue; // one line for 分野1 … 分野N
                var name = index == 0 ? $"{column.Header}1 … {column.Header}{widths[column.Path]}" : header;
                var values = column.Values is not null ? "選択肢: " + string.Join("、", column.Values)
                    : column.Labels is not null ? "選択肢: " + string.Join("、", column.Labels.Select(l => l.Label))
                    : column.Example is not null ? "例: " + column.Example : "";
                Line(column.IsRead ? WorkbookStyles.HelpText : WorkbookStyles.Derived, "", name, KindName(column), column.Help, values);
            }
        }
        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
        writer.Close();
    }

    private static string KindName(Column c) => c.Kind switch
    {
        CellKind.Id => "ID（保護）",
        CellKind.ProgramRef => "制度ID",
        CellKind.Lines => "文字（改行で複数）",
        CellKind.Choice or CellKind.Choices or CellKind.Label => "一覧から選ぶ",
        CellKind.FiscalYear => "年度",
        CellKind.FiscalYears => "年度（、で複数）",
        CellKind.Count => "数",
        CellKind.Start or CellKind.End => "日付（和暦表示）",
        CellKind.Flag => "○ か空",
        CellKind.Code => "数字（文字として）",
        CellKind.Codes => "数字（、で複数）",
        CellKind.Derived => c.Header.EndsWith(WorkbookLayout.ReferenceMark, StringComparison.Ordinal) ? "参照（読み取りのみ）" : "自動（取り込みで計算）",
        _ => "文字",
    };

    private static readonly string[] Guide =
    [
        "使い方: 制度・上限額・募集期間・採択件数・採択・関連制度・連絡先・出典・適格要件・根拠 の各シートを編集し、コマンド import ファイル名.xlsx で取り込みます。誤りが 1 つでもあれば何も取り込まれず、誤りはシート名・行・列の見出しで示されます。",
        "シート名・列の見出し・列の順番は変えないでください。列を足す、セルを結合する、数式を入れることもできません（値を入力してください）。",
        "見出しに 【自動】 のある灰色の列は、取り込むときに計算し直します（入力しても使われません）。【参照】 の列は読むためのものです。",
        "制度ID は書き出した行では変えられません（シートの保護。パスワードはありません）。新しい制度は空いている行に新しい制度ID で追加し、上限額・募集期間などの行はその制度ID で結びつけます。",
        "取り込みは追加と更新だけです。制度 シートにない制度はカタログから消えません。上限額・募集期間などの行を消すと、その制度からその行が消えます。",
        "日付: Excel の日付（2024/4/5 と入力）か 令和6年4月5日 と書きます。和暦で表示されます。終了が日付だけなら、その日の 23:59:59 までです。",
        "年度: 令和6年度 か 2024。金額: 3.0億円、10,000千円、1億5,000万円、上限の定めなし。補助率: 1/2、1/2以内、2分の1、定額、定額、または2/3（セルは文字の書式なので 1/2 は日付になりません）。",
        "根拠: 根拠 シートの行は、制度（または 採択の番号 で指す採択の行）のある値がなぜそうなのかを示します。対象の項目 は caps[0]（上限額 シートでその制度の 1 件目）のように [0] から数えます。根拠のある制度は、書いた値すべてに根拠が要ります。上限額などの行を足したら、根拠 シートにその行の根拠も足してください。行を消したら、その行を指す根拠の行も消し、後ろの行を指す番号を 1 つずつ詰めてください。",
        "適格要件: 対象の団体区分・要件の出典 は 制度 シートの右端の列に、ほかの制度での採択の履歴による要件は 適格要件 シートに 1 行ずつ書きます。採択 シートの 範囲・団体コード一覧 は取り込みで市区町村マスタから計算し直します（団体でない地域の名前の行だけ 範囲 を 地域 にしてください）。",
        "CSV: 1 枚のシートを CSV（UTF-8 か Shift_JIS）で保存して取り込むこともできます。その場合、そのシートの内容だけが置き換わります。",
    ];

    private static void WriteListsSheet(PackagePart part)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        var cols = new Columns();
        for (var i = 0; i < WorkbookLayout.Lists.Count; i++)
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 26, CustomWidth = true });
        writer.WriteElement(cols);
        writer.WriteStartElement(new SheetData());
        var rows = WorkbookLayout.Lists.Max(l => l.Values.Count);
        WriteRow(writer, 1, WorkbookLayout.Lists.Select(l => Cell.Text(l.Name, WorkbookStyles.Header)));
        for (var r = 0; r < rows; r++)
            WriteRow(writer, r + 2, WorkbookLayout.Lists.Select(l => r < l.Values.Count ? Cell.Text(l.Values[r], WorkbookStyles.HelpText) : Cell.Empty(0)));
        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
        writer.Close();
    }

    private readonly record struct Cell(object? Value, uint Style)
    {
        public static Cell Text(string text, uint style) => new(text.Length == 0 ? null : text, style);
        public static Cell Number(double value, uint style) => new(value, style);
        public static Cell Empty(uint style) => new(null, style);
    }
}

/// <summary>A1-style names.</summary>
internal static class CellNames
{
    /// <summary>1 → A, 27 → AA.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>AA → 27; the letters of a reference such as AA12.</summary>
    public static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n;
    }

    public static int RowNumber(string reference)
    {
        var digits = reference.AsSpan(reference.AsSpan().IndexOfAnyInRange('0', '9') is var i and >= 0 ? i : reference.Length);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
