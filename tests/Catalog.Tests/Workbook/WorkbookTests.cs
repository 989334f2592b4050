using System.Text;
using Catalog.Benchmarks;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Workbook;
using Catalog.Tests.Import;
using Catalog.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Catalog.Tests.Workbook;

public class WorkbookTests
{
    private const string Senku = "chihou-sousei-suishin-koufukin-senku";
    private const string IotAi = "chiiki-iot-jisso-keikaku-jichitai-ai";

    private static TestStore SeededStore()
    {
        var t = new TestStore();
        var result = t.Importer.Import(RepoPaths.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return t;
    }

    private static string ExportWorkbook(TestStore t, string name = "catalog.xlsx")
    {
        var file = t.Folder.Combine(name);
        WorkbookExporter.WriteFile(t.Store.ReadAll(), file);
        return file;
    }

    [Fact]
    public void AnExportedWorkbookImportedIntoAnEmptyCatalogueExportsTheSameJsonBytes()
    {
        using var first = SeededStore();
        var json = first.Export();
        var workbook = ExportWorkbook(first);
        // The seed exercises what the 根拠 and 適格要件 sheets carry.
        var seeded = first.Store.ReadAll();
        Assert.Contains(seeded, p => p.Evidence.Any(e => e.Document is not null) && p.Evidence.Any(e => e.Basis is not null));
        Assert.Contains(seeded, p => p.Adoptions.Any(a => a.Evidence.Count > 0 && a.LgCodes.Count > 0));
        Assert.Contains(seeded, p => p.Eligibility is { Rules.Count: > 0, Source: not null });

        using var second = new TestStore();
        var result = second.Importer.Import(workbook);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(first.Store.Count(), result.Counts.Added);
        // The whole export is compared: a record property the workbook does not carry fails here.
        Assert.Equal(json, second.Export());
    }

    [Fact]
    public void ASyntheticCatalogueWithWindowsAndTimesSurvivesTheWorkbookRoundTrip()
    {
        using var first = new TestStore();
        var records = SyntheticCatalogue.Generate(300).ToList();
        // Times that are not whole days, and an end at midnight, which a date alone cannot say.
        records[0].Windows = [new ApplicationWindow { Round = "第1回", Start = "2024-04-05T10:30:00+09:00", End = "2024-05-10T12:00:00+09:00", Method = "電子申請", Note = "先着順" }];
        records[1].Windows = [new ApplicationWindow { Start = "2019-05-01", End = "2019-06-01T00:00:00+09:00" }];
        records[2].Adoptions = [new Adoption { FiscalYear = 2019, Prefecture = "北海道", Municipality = "札幌市", LgCode = "011002", Title = "データ連携", Technology = "AI", Source = new Source { Document = "x.txt", Date = "令和元年5月1日" } }];
        records[3].Contacts = [new Contact { Division = "地域課", Phone = "03-1234-5678", Email = "a(atmark)example.go.jp" }];
        records[4].Selections = [new SelectionCount { FiscalYear = 2021, Count = 12, Note = "第1回" }];
        var file = first.Folder.Combine("synthetic.ndjson");
        File.WriteAllText(file, string.Concat(records.Select(r => ProgramJson.Serialize(r) + "\n")));
        Assert.True(first.Importer.Import(file).Succeeded);
        var json = first.Export();

        using var second = new TestStore();
        var result = second.Importer.Import(ExportWorkbook(first));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
        Assert.Equal(json, second.Export());
    }

    [Fact]
    public void TheExportedWorkbookIsValidOpenXmlWithFrozenHeadersFiltersDropdownsAndAProtectedIdColumn()
    {
        using var t = SeededStore();
        var file = ExportWorkbook(t);
        using var document = SpreadsheetDocument.Open(file, false);
        var problems = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));

        var book = document.WorkbookPart!;
        Assert.Equal(["制度", "上限額", "募集期間", "採択件数", "採択", "関連制度", "連絡先", "出典", "適格要件", "根拠", "説明", "選択肢"],
            book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        Assert.Null(book.VbaProjectPart); // no macros
        var programs = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        var pane = programs.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.NotNull(programs.GetFirstChild<AutoFilter>());
        var protection = programs.GetFirstChild<SheetProtection>()!;
        Assert.True(protection.Sheet!.Value);
        Assert.False(protection.InsertRows!.Value);

        // Every vocabulary column has a list validation; the id cells are locked, the rest not.
        var lists = programs.Descendants<DataValidation>().Where(v => v.Type!.Value == DataValidationValues.List).ToList();
        foreach (var header in new[] { "実施レベル", "所管府省", "種類1", "分野1", "対象1" })
        {
            var cell = programs.Descendants<Row>().First().Elements<Cell>().First(c => c.InnerText == header);
            var column = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
            Assert.Contains(lists, v => v.SequenceOfReferences!.InnerText!.StartsWith(column + "2:", StringComparison.Ordinal));
        }
        var formats = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var idCell = programs.Descendants<Cell>().First(c => c.CellReference == "A2");
        var nameCell = programs.Descendants<Cell>().First(c => c.CellReference == "B2");
        Assert.True(formats[(int)idCell.StyleIndex!.Value].Protection!.Locked!.Value);
        Assert.False(formats[(int)nameCell.StyleIndex!.Value].Protection!.Locked!.Value);

        // Window dates are real Excel dates shown as 和暦.
        var windows = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "募集期間").Id!)).Worksheet;
        // The row of the program whose window opened 令和2年5月29日 (column A holds the 制度ID).
        var ids = windows.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('A')).ToList();
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared![int.Parse(c.CellValue!.Text)] : c.InnerText;
        var row = ids.First(c => Text(c) == IotAi).CellReference!.Value![1..];
        var start = windows.Descendants<Cell>().First(c => c.CellReference == "D" + row);
        Assert.Equal(new DateTime(2020, 5, 29).ToOADate(), double.Parse(start.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var format = formats[(int)start.StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Contains("ggge", book.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == format).FormatCode!.Value);
    }

    [Fact]
    public void AWorkbookEditedAsStaffDoImportsWithExactlyThoseChanges()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        var expected = t.Store.ReadAll().ToDictionary(p => p.Id);

        using (var edit = new WorkbookEditor(workbook))
        {
            // A cell changed: the rate.
            edit.SetText("制度", edit.Column("制度", "補助率") + edit.Row("制度", Senku), "2/3以内");
            expected[Senku].Rate = new SubsidyRate { Text = "2/3以内" };
            // A dropdown value chosen: a second 分野 from the list.
            edit.SetText("制度", edit.Column("制度", "分野2") + edit.Row("制度", Senku), "防災");
            expected[Senku].Fields.Add("防災");
            // A row added: a new cap at the end of the 上限額 sheet.
            var row = edit.LastRow("上限額") + 1;
            edit.SetText("上限額", $"A{row}", Senku);
            edit.SetText("上限額", edit.Column("上限額", "対象") + row, "一部事務組合・広域連合");
            edit.SetText("上限額", edit.Column("上限額", "上限額") + row, "1億5,000万円");
            edit.SetText("上限額", edit.Column("上限額", "単位") + row, "事業あたり");
            expected[Senku].Caps.Add(new Cap { Applicant = "一部事務組合・広域連合", Text = "1億5,000万円", Per = "project" });
            // The record carries evidence, so the new cap needs its 根拠 row: staff state where it comes from.
            var field = $"caps[{expected[Senku].Caps.Count - 1}]";
            var evidence = edit.LastRow("根拠") + 1;
            edit.SetText("根拠", $"A{evidence}", Senku);
            edit.SetText("根拠", edit.Column("根拠", "対象の項目") + evidence, field);
            edit.SetText("根拠", edit.Column("根拠", "根拠の種類") + evidence, "資料");
            edit.SetText("根拠", edit.Column("根拠", "出典文書") + evidence, "002_73909b06327bf539.txt");
            edit.SetText("根拠", edit.Column("根拠", "引用") + evidence, "一部事務組合 1億5,000万円");
            expected[Senku].Evidence.Add(new Catalog.Core.Programs.Evidence { Field = field, Document = "002_73909b06327bf539.txt", Quote = "一部事務組合 1億5,000万円" });
            // A row deleted: the first related program.
            edit.DeleteRow("関連制度", edit.Row("関連制度", Senku));
            expected[Senku].Related.RemoveAt(0);
        }

        var result = t.Importer.Import(workbook);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new Catalog.Core.Store.ImportCounts(0, 1, expected.Count - 1), result.Counts);

        // The same changes made to the JSON and imported the usual way give the same catalogue.
        using var reference = new TestStore();
        var file = reference.Folder.Combine("expected.ndjson");
        File.WriteAllText(file, string.Concat(expected.Values.Select(p => ProgramJson.Serialize(p) + "\n")));
        Assert.True(reference.Importer.Import(file).Succeeded);
        Assert.Equal(reference.Export(), t.Export());
        Assert.Equal(150_000_000L, t.Store.Find(Senku)!.Caps[^1].AmountYen); // derived by the importer
        Assert.Equal("fraction", t.Store.Find(Senku)!.Rate!.Kind);
    }

    /// <summary>Each broken workbook: what is broken, how, and the one message it must give.</summary>
    public static TheoryData<string, string> BrokenWorkbooks => new()
    {
        { "missing sheet", "シート 「上限額」 がありません" },
        { "renamed column", "制度 シート 1 行目 「補助率」: " },
        { "moved column", "列 「開始」 は D 列にあるはずが E 列にあります" },
        { "merged cell", "セルが結合されています" },
        { "formula", "数式（=" },
        { "unreadable date", "募集期間 シート 2 行目 「開始」: 「4月ごろ」 は日付として読めません" },
        { "unreadable rate", "「補助率」: 「1/2以上」 は読めません（例: 1/2, 1/2以内, 定額）" },
        { "unknown field", "「分野1」: 「宇宙」 は選べません" },
        { "unknown program on a table sheet", "制度ID 「no-such-program」 は 制度 シートにありません" },
        { "duplicate program id", "は 2 行目にもあります" },
        { "unreadable amount", "「上限額」: 「abc億円」 は金額として読めません" },
        { "not a workbook", "Excel ブック（.xlsx）として開けません" },
        { "extra column", "はこのシートにない列です" },
        { "unreadable fiscal year", "「年度」: 「来年度」 は年度として読めません" },
        { "rate turned into a date", "は Excel が数か日付に変えた値です" },
        { "related program unknown", "制度ID 「nowhere」 の制度は、このブックにもカタログにもありません" },
        { "level not in the list", "「実施レベル」: 「宇宙」 は選べません（国、都道府県、市区町村、民間 から選んでください）" },
    };

    [Theory]
    [MemberData(nameof(BrokenWorkbooks))]
    public void ABrokenWorkbookFailsWithItsOwnMessageAndChangesNothing(string what, string expected)
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        // Change the catalogue so a successful import would show as an update.
        using (var edit = new WorkbookEditor(workbook))
        {
            edit.SetText("制度", edit.Column("制度", "備考") + edit.Row("制度", "kigyo-ban-furusato-nozei"), "備考を書き換えた。");
            Break(edit, what, workbook);
        }
        if (what == "not a workbook") File.WriteAllText(workbook, "制度ID,制度名\n");
        var before = t.Export();

        var result = t.Importer.Import(workbook);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(workbook, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, t.Export());
    }

    private static void Break(WorkbookEditor edit, string what, string path)
    {
        var senku = edit.Row("制度", Senku);
        switch (what)
        {
            case "missing sheet": edit.RemoveSheet("上限額"); break;
            case "renamed column": edit.SetText("制度", edit.Column("制度", "補助率") + "1", "補助率（%）"); break;
            case "moved column":
                edit.SetText("募集期間", "D1", "終了");
                edit.SetText("募集期間", "E1", "開始");
                break;
            case "merged cell": edit.Merge("制度", $"O{senku}:P{senku}"); break;
            case "formula": edit.SetFormula("上限額", "D2", "\"3.0\"&\"億円\"", "3.0億円"); break;
            case "unreadable date": edit.SetText("募集期間", "D2", "4月ごろ"); break;
            case "unreadable rate": edit.SetText("制度", edit.Column("制度", "補助率") + senku, "1/2以上"); break;
            case "unknown field": edit.SetText("制度", edit.Column("制度", "分野1") + senku, "宇宙"); break;
            case "unknown program on a table sheet": edit.SetText("出典", "A" + (edit.LastRow("出典") + 1), "no-such-program"); edit.SetText("出典", "C" + edit.LastRow("出典"), "x.txt"); break;
            case "duplicate program id":
                var row = edit.LastRow("制度") + 1;
                edit.SetText("制度", $"A{row}", edit.Get("制度", "A2")!);
                edit.SetText("制度", $"B{row}", "重複");
                break;
            case "unreadable amount": edit.SetText("上限額", edit.Column("上限額", "上限額") + edit.Row("上限額", Senku), "abc億円"); break;
            case "not a workbook": break; // the file is replaced after the editor closes
            case "extra column":
                edit.SetText("関連制度", "F1", "メモ");
                break;
            case "unreadable fiscal year": edit.SetText("制度", edit.Column("制度", "年度") + senku, "来年度"); break;
            case "rate turned into a date": edit.SetNumber("制度", edit.Column("制度", "補助率") + senku, 45294); break;
            case "related program unknown": edit.SetText("関連制度", "C" + edit.Row("関連制度", Senku), "nowhere"); break;
            case "level not in the list": edit.SetText("制度", edit.Column("制度", "実施レベル") + senku, "宇宙"); break;
            default: throw new ArgumentException(what);
        }
    }

    [Fact]
    public void TheRateErrorReadsAsStaffSeeItInJapanese()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        int row;
        using (var edit = new WorkbookEditor(workbook))
        {
            row = edit.Row("制度", Senku);
            edit.SetText("制度", edit.Column("制度", "補助率") + row, "1/2以上");
        }
        var error = Assert.Single(t.Importer.Import(workbook).Errors);
        Assert.Equal($"{workbook}: 制度 シート {row} 行目 「補助率」: 「1/2以上」 は読めません（例: 1/2, 1/2以内, 定額）", error.ToString());
        Assert.Equal(("制度", row, "補助率"), (error.Sheet, error.Line, error.Field));
    }

    [Fact]
    public void SeveralMistakesAreAllReportedAtOnce()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        int windowRow;
        using (var edit = new WorkbookEditor(workbook))
        {
            var row = edit.Row("制度", Senku);
            edit.SetText("制度", edit.Column("制度", "補助率") + row, "半分");
            edit.SetText("制度", edit.Column("制度", "制度名") + row, " ");
            windowRow = edit.Row("募集期間", IotAi);
            edit.SetText("募集期間", edit.Column("募集期間", "終了") + windowRow, "2019/1/1"); // before its start (2020-05-29)
        }
        var errors = t.Importer.Import(workbook).Errors.Select(e => e.ToString()).ToList();
        Assert.True(errors.Count == 3, string.Join("\n", errors));
        Assert.Contains(errors, e => e.Contains("「制度名」: 入力してください", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("「補助率」: 「半分」 は読めません", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains($"募集期間 シート {windowRow} 行目 「終了」: 終了が開始より前です", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf-8-bom", null)]
    [InlineData("utf-8", null)]
    [InlineData("shift_jis", null)]
    [InlineData("shift_jis", "shift_jis")]
    [InlineData("utf-8", "utf-8")]
    public void ASheetSavedAsCsvReplacesThatTableOnly(string saved, string? chosen)
    {
        using var t = SeededStore();
        var before = t.Store.Find(Senku)!;
        // 上限額 as Excel saves it: the derived and reference columns included, CRLF line ends.
        // Three caps as before, so each keeps its 根拠 row (caps[0] … caps[2]); the amounts are
        // written in other notations, which their quotes (3.0億円, 2.0億円) still state.
        var csv = "制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\n"
                + $"{Senku},{before.Name},都道府県,\"30,000万円\",年度あたり,100000000,\"表記を万円に改めた\"\r\n"
                + $"{Senku},{before.Name},市区町村,2億円,総額,,\r\n"
                + $"{Senku},{before.Name},中枢中核都市,2.5億円,年度あたり,,\r\n";
        var bytes = saved switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            "utf-8" => Encoding.UTF8.GetBytes(csv),
            _ => ImportOptions.ShiftJis.GetBytes(csv),
        };
        var file = t.Folder.Combine("上限額.csv");
        File.WriteAllBytes(file, bytes);
        ImportOptions.TryParseEncoding(chosen, out var encoding);

        var result = t.Importer.Import(file, new ImportOptions { Encoding = encoding });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new Catalog.Core.Store.ImportCounts(0, 1, 0), result.Counts);
        var after = t.Store.Find(Senku)!;
        Assert.Equal(["30,000万円", "2億円", "2.5億円"], after.Caps.Select(c => c.Text));
        Assert.Equal([300_000_000L, 200_000_000L, 250_000_000L], after.Caps.Select(c => c.AmountYen!.Value));
        Assert.Equal(["year", "total", "year"], after.Caps.Select(c => c.Per!));
        after.Caps = before.Caps;
        Assert.Equal(ProgramJson.Serialize(before), ProgramJson.Serialize(after)); // nothing else moved
    }

    [Fact]
    public void ACsvSheetThatRemovesARowWithEvidenceNamesThe根拠SheetAndChangesNothing()
    {
        using var t = SeededStore();
        var before = t.Export();
        var name = t.Store.Find(Senku)!.Name;
        // Two of the three caps: the 根拠 row for caps[2] would point at nothing.
        var file = t.Folder.Combine("上限額.csv");
        File.WriteAllText(file, "制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\n"
            + $"{Senku},{name},都道府県,3.0億円,年度あたり,,\r\n{Senku},{name},市区町村,2.0億円,年度あたり,,\r\n", new UTF8Encoding(true));

        var result = t.Importer.Import(file);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{file}: 上限額 シート: 制度ID 「{Senku}」 の 対象の項目 「caps[2]」（上限額3）の根拠が指す値が、この CSV でなくなります。"
            + "根拠 シートのその行も直す（消す、または後ろの行を指す番号を詰める）必要があるので、ブック（.xlsx）全体で取り込んでください", error.ToString());
        Assert.Equal(before, t.Export());
    }

    [Fact]
    public void ARateChangedWithoutItsQuoteIsRefusedNamingThe根拠RowOfThatQuote()
    {
        const string society5 = "chihou-sousei-suishin-koufukin-society5";
        using var t = SeededStore();
        var before = t.Export();
        var workbook = ExportWorkbook(t);
        int programRow, evidenceRow;
        string quoteCell;
        using (var edit = new WorkbookEditor(workbook))
        {
            programRow = edit.Row("制度", society5);
            edit.SetText("制度", edit.Column("制度", "補助率") + programRow, "2/3");
            evidenceRow = edit.Row("根拠", society5, "対象の項目", "rate");
            quoteCell = edit.Column("根拠", "引用") + evidenceRow;
            Assert.Contains("補助率 1/2", edit.Get("根拠", quoteCell), StringComparison.Ordinal);
        }

        var result = t.Importer.Import(workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("制度", programRow, "補助率"), (error.Sheet, error.Line, error.Field));
        Assert.Equal($"{workbook}: 制度 シート {programRow} 行目 「補助率」: 補助率 「2/3」 は 根拠 シート {evidenceRow} 行目の 引用 「（令和3年度予算 1,000億円の内数 補助率 1/2）」 に書かれていません。"
            + "値を変えたら、その 根拠 の行の 引用 も、新しい値を述べる資料の文に直してください（資料にない値なら 根拠の種類 と 理由 を書く）", error.ToString());
        Assert.Equal(before, t.Export());

        // The same edit with its quote updated imports (the audit then checks the quote is in the document).
        using (var edit = new WorkbookEditor(workbook)) edit.SetText("根拠", quoteCell, "補助率 2/3");
        var again = t.Importer.Import(workbook);
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal("2/3", t.Store.Find(society5)!.Rate!.Text);
    }

    [Fact]
    public void TheEvidenceSheetSaysAChangedValueNeedsItsQuoteUpdated()
    {
        Assert.Contains("値（補助率・金額・日付・年度・件数・名前）を変えたら、その値の根拠の行の 引用 も", WorkbookLayout.Evidence.Help, StringComparison.Ordinal);
        Assert.Contains("値を変えたら引用も直す", WorkbookLayout.Evidence.Columns.Single(c => c.Header == "引用").Help, StringComparison.Ordinal);
    }

    [Fact]
    public void ACsvSheetThatChangesAnAmountIsRefusedNamingTheQuote()
    {
        using var t = SeededStore();
        var before = t.Export();
        var name = t.Store.Find(Senku)!.Name;
        var file = t.Folder.Combine("上限額.csv");
        File.WriteAllText(file, "制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\n"
            + $"{Senku},{name},都道府県,4.0億円,年度あたり,,\r\n{Senku},{name},市区町村,2.0億円,年度あたり,,\r\n{Senku},{name},中枢中核都市,2.5億円,年度あたり,,\r\n", new UTF8Encoding(true));

        var result = t.Importer.Import(file);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("上限額", 2, "上限額"), (error.Sheet, error.Line, error.Field));
        Assert.StartsWith("金額 「4.0億円」 は 根拠 シート 引用 「交付上限額 (国費) 都道府県 3.0億円 1.0億円 3.0億円」 に書かれていません。", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, t.Export());
    }

    [Fact]
    public void AValueAddedWithoutIts根拠RowIsReportedOnItsOwnRowInJapanese()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        int row;
        using (var edit = new WorkbookEditor(workbook))
        {
            row = edit.LastRow("上限額") + 1;
            edit.SetText("上限額", $"A{row}", Senku);
            edit.SetText("上限額", edit.Column("上限額", "上限額") + row, "1億円");
        }
        var error = Assert.Single(t.Importer.Import(workbook).Errors);
        Assert.Equal($"{workbook}: 上限額 シート {row} 行目 「制度ID」: この値の根拠がありません。根拠 シートに 対象の項目 「caps[3]」 の行を足してください（資料なら出典文書と引用、ほかは根拠の種類と理由）",
            error.ToString());
    }

    [Fact]
    public void A根拠RowWithAQuoteButNoDocumentIsReportedAtItsCell()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        int row;
        using (var edit = new WorkbookEditor(workbook))
        {
            row = edit.Row("根拠", Senku);
            edit.SetText("根拠", edit.Column("根拠", "出典文書") + row, "");
        }
        var error = Assert.Single(t.Importer.Import(workbook).Errors);
        Assert.Equal(($"根拠", row, "出典文書"), (error.Sheet, error.Line, error.Field));
        Assert.Contains("出典文書 を入力してください", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A根拠RowNamingAnAdoptionTheProgramDoesNotHaveIsReported()
    {
        using var t = SeededStore();
        var workbook = ExportWorkbook(t);
        int row;
        using (var edit = new WorkbookEditor(workbook))
        {
            row = edit.Row("根拠", Senku);
            edit.SetText("根拠", edit.Column("根拠", "採択の番号") + row, "1");
        }
        var error = Assert.Single(t.Importer.Import(workbook).Errors);
        Assert.Equal($"{workbook}: 根拠 シート {row} 行目 「採択の番号」: 「1」: この制度には 採択 シートの行がありません（制度の値の根拠なら空にしてください）", error.ToString());
    }

    [Fact]
    public void ACsvInTheWrongEncodingIsRefusedWithAHint()
    {
        using var t = SeededStore();
        var file = t.Folder.Combine("出典.csv");
        File.WriteAllBytes(file, ImportOptions.ShiftJis.GetBytes($"制度ID,制度名【参照】,文書,箇所,題名,日付\r\n{Senku},x,資料.txt,,,\r\n"));
        ImportOptions.TryParseEncoding("utf-8", out var utf8);
        var error = Assert.Single(t.Importer.Import(file, new ImportOptions { Encoding = utf8 }).Errors);
        Assert.Contains("UTF-8 として読めないバイトがあります", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACsvSheetErrorNamesTheSheetRowAndHeader()
    {
        using var t = SeededStore();
        var before = t.Export();
        var file = t.Folder.Combine("募集期間.csv");
        File.WriteAllText(file, $"制度ID,制度名【参照】,回,開始,終了,通年,申請方法,備考\r\n{Senku},x,第1回,令和6年4月5日,そのうち,,,\r\n", new UTF8Encoding(true));
        var error = Assert.Single(t.Importer.Import(file).Errors);
        Assert.Equal($"{file}: 募集期間 シート 2 行目 「終了」: 「そのうち」 は日付として読めません（例: 2024/4/5, 令和6年4月5日, 2024/4/5 10:00）", error.ToString());
        Assert.Equal(before, t.Export());
    }

    [Fact]
    public void TheExportAndImportVerbsRoundTripAWorkbook()
    {
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        Assert.Equal(0, VerbProcess.Run(data, "import", RepoPaths.Seed).Code);
        var json = VerbProcess.Run(data, "export").Stdout;
        var workbook = folder.Combine("catalog.xlsx");
        var export = VerbProcess.Run(data, "export", "--format", "xlsx", "--output", workbook);
        Assert.Equal(0, export.Code);
        Assert.True(File.Exists(workbook));

        var empty = folder.Combine("empty");
        var import = VerbProcess.Run(empty, "import", workbook);
        Assert.True(import.Code == 0, import.Stderr);
        Assert.Equal(json, VerbProcess.Run(empty, "export").Stdout);
    }

    [Fact]
    public void TheImportVerbPrintsWorkbookErrorsInJapaneseAndExitsWithOne()
    {
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        Assert.Equal(0, VerbProcess.Run(data, "import", RepoPaths.Seed).Code);
        var workbook = folder.Combine("catalog.xlsx");
        Assert.Equal(0, VerbProcess.Run(data, "export", "--format", "xlsx", "--output", workbook).Code);
        using (var edit = new WorkbookEditor(workbook)) edit.SetText("制度", edit.Column("制度", "補助率") + edit.Row("制度", Senku), "1/2以上");
        var import = VerbProcess.Run(data, "import", workbook);
        Assert.Equal(1, import.Code);
        Assert.Contains("「補助率」: 「1/2以上」 は読めません（例: 1/2, 1/2以内, 定額）", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", import.Stderr, StringComparison.Ordinal);
    }
}
