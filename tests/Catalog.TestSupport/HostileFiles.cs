using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Benchmarks;
using Catalog.Core.Workbook;

namespace Catalog.Tests.Support;

/// <summary>
/// Hostile workbooks and CSV sheets (issue #30), generated on the spot from a workbook the export
/// wrote for three synthetic programs: each name is one way a file can attack or overwhelm the
/// import. Big ones are small on disk (they are deflated zeros or repeated rows) and written
/// part by part, so making one costs well under a second and little memory.
/// </summary>
public static class HostileFiles
{
    /// <summary>Every hostile file, by name; the extension is the file's.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "zip-bomb.xlsx", "zip-bomb-lying-headers.xlsx", "billion-laughs.xlsx", "external-entity.xlsx",
        "million-rows.xlsx", "long-cell.xlsx", "long-shared-string.xlsx", "deep-nesting.xlsx",
        "too-many-sheets.xlsx", "too-many-parts.xlsx", "oversized.xlsx", "truncated.xlsx", "encrypted.xlsx",
        "macro-vba.xlsx", "macro-content-type.xlsx", "macro-enabled.xlsm", "external-link.xlsx",
        "million-rows.csv", "long-cell.csv", "oversized.csv",
    ];

    public const string SheetPart = "xl/worksheets/sheet1.xml"; // 制度, the first sheet the export writes
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const long Bomb = 256L << 20; // 256 MB of spaces: 2.5 MB deflated at the fastest level, twice the limit of a part

    /// <summary>Writes the hostile file <paramref name="name"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string name, string folder)
    {
        var path = Path.Combine(folder, name);
        var good = Path.Combine(folder, "base-" + Guid.NewGuid().ToString("N") + ".xlsx");
        WorkbookExporter.WriteFile(SyntheticCatalogue.Generate(3).ToList(), good);
        try
        {
            Make(name, good, path);
        }
        finally
        {
            File.Delete(good);
        }
        return path;
    }

    private static void Make(string name, string good, string path)
    {
        switch (name)
        {
            case "zip-bomb.xlsx":
                Rewrite(good, path, replace: new() { [SheetPart] = s => Padded(s, Bomb) });
                break;
            case "zip-bomb-lying-headers.xlsx":
                Rewrite(good, path, replace: new() { [SheetPart] = s => Padded(s, Bomb) });
                ClaimSize(path, SheetPart, 1024);
                break;
            case "billion-laughs.xlsx":
                // Ten levels of ten: 10¹⁰ "lol" from a few hundred bytes, if a parser expanded entities.
                var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
                for (var i = 1; i <= 10; i++)
                    laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
                laughs.Append($"]><worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol10;</t></is></c></row></sheetData></worksheet>");
                Rewrite(good, path, replace: new() { [SheetPart] = s => Text(s, laughs.ToString()) });
                break;
            case "external-entity.xlsx":
                Rewrite(good, path, replace: new()
                {
                    [SheetPart] = s => Text(s, $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                        + $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row></sheetData></worksheet>"),
                });
                break;
            case "million-rows.xlsx":
                Rewrite(good, path, replace: new() { [SheetPart] = MillionRows });
                break;
            case "long-cell.xlsx":
                // One character over Excel's own limit of 32,767.
                Rewrite(good, path, replace: new() { [SheetPart] = s => Text(s, Sheet($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>制度ID</t></is></c></row>"
                    + $"<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>{new string('長', 32_768)}</t></is></c></row>")) });
                break;
            case "long-shared-string.xlsx":
                Rewrite(good, path,
                    replace: new()
                    {
                        [SheetPart] = s => Text(s, Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")),
                        ["[Content_Types].xml"] = s => Text(s, InsertBefore(Entry(good, "[Content_Types].xml"), "Types",
                            p => $"<{p}Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")),
                        ["xl/_rels/workbook.xml.rels"] = s => Text(s, InsertBefore(Entry(good, "xl/_rels/workbook.xml.rels"), "Relationships",
                            p => $"<{p}Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")),
                    },
                    add: [("xl/sharedStrings.xml", s => Text(s, $"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>{new string('長', 40_000)}</t></si></sst>"))]);
                break;
            case "deep-nesting.xlsx":
                Rewrite(good, path, replace: new() { [SheetPart] = s => Text(s, $"<worksheet xmlns=\"{Main}\">" + string.Concat(Enumerable.Repeat("<x>", 100_000))
                    + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</worksheet>") });
                break;
            case "too-many-sheets.xlsx":
                // 40 more sheets, all pointing at the first sheet's part.
                var workbook = InsertBefore(Entry(good, "xl/workbook.xml"), "sheets",
                    p => string.Concat(Enumerable.Range(100, 40).Select(i => $"<{p}sheet name=\"余分{i}\" sheetId=\"{i}\" r:id=\"rId1\"/>")));
                Rewrite(good, path, replace: new() { ["xl/workbook.xml"] = s => Text(s, workbook) });
                break;
            case "too-many-parts.xlsx":
                Rewrite(good, path, add: Enumerable.Range(1, 5000).Select(i => ($"customXml/item{i}.bin", (Action<Stream>)(s => s.WriteByte(0)))).ToList());
                break;
            case "oversized.xlsx" or "oversized.csv":
                // Sparse: 40 MB long, almost nothing on disk; the size alone refuses it.
                using (var f = File.Create(path)) f.SetLength(40L * 1024 * 1024);
                break;
            case "truncated.xlsx":
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "encrypted.xlsx":
                // A password-protected workbook is an OLE compound file (the EncryptedPackage inside), not a zip.
                File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]]);
                break;
            case "macro-vba.xlsx":
                Rewrite(good, path, add: [("xl/vbaProject.bin", s => s.Write(new byte[512]))]);
                break;
            case "macro-content-type.xlsx":
                Rewrite(good, path, replace: new()
                {
                    ["[Content_Types].xml"] = s => Text(s, Changed(Entry(good, "[Content_Types].xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")),
                });
                break;
            case "macro-enabled.xlsm":
                File.Copy(good, path);
                break;
            case "external-link.xlsx":
                Rewrite(good, path,
                    replace: new()
                    {
                        ["xl/_rels/workbook.xml.rels"] = s => Text(s, InsertBefore(Entry(good, "xl/_rels/workbook.xml.rels"), "Relationships",
                            p => $"<{p}Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>")),
                    },
                    add: [("xl/externalLinks/externalLink1.xml", s => Text(s, $"<externalLink xmlns=\"{Main}\"><externalBook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId1\"/></externalLink>"))]);
                break;
            case "million-rows.csv":
                using (var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16))
                {
                    writer.Write("制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\n");
                    for (var i = 0; i < 1_000_000; i++) writer.Write("x,,,1億円,,,\r\n");
                }
                break;
            case "long-cell.csv":
                File.WriteAllText(path, "制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\n"
                    + $"x,,,1億円,,,{new string('長', 40_000)}\r\n", new UTF8Encoding(true));
                break;
            default:
                throw new ArgumentException($"no hostile file named '{name}'", nameof(name));
        }
    }

    private static string Sheet(string rows) => $"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>";

    // A header row, then 10⁶ rows of one cell each: 68 MB of XML, 7.4 MB deflated.
    private static void MillionRows(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write($"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>制度ID</t></is></c></row>");
        for (var r = 2; r <= 1_000_001; r++)
        {
            writer.Write("<row r=\"");
            writer.Write(r);
            writer.Write("\"><c r=\"A");
            writer.Write(r);
            writer.Write("\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        }
        writer.Write("</sheetData></worksheet>");
    }

    // A well-formed sheet whose rows are separated by `count` spaces: XML a parser has to read to its end.
    private static void Padded(Stream stream, long count)
    {
        Text(stream, $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">", leaveOpen: true);
        var block = new byte[1 << 20];
        block.AsSpan().Fill((byte)' ');
        for (long written = 0; written < count; written += block.Length) stream.Write(block, 0, (int)Math.Min(block.Length, count - written));
        Text(stream, "</row></sheetData></worksheet>");
    }

    private static void Text(Stream stream, string text, bool leaveOpen = false)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: leaveOpen);
        writer.Write(text);
    }

    /// <summary>Inserts before the closing tag of <paramref name="element"/>, in the prefix the writer used for it (x:sheets).</summary>
    private static string InsertBefore(string xml, string element, Func<string, string> content)
    {
        var end = Regex.Match(xml, $"</(\\w+:)?{element}>");
        if (!end.Success) throw new InvalidOperationException($"no </{element}> in the exported workbook");
        return xml.Insert(end.Index, content(end.Groups[1].Value));
    }

    private static string Changed(string xml, string from, string to) =>
        xml.Contains(from, StringComparison.Ordinal) ? xml.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"no '{from}' in the exported workbook");

    private static string Entry(string workbook, string name)
    {
        using var zip = ZipFile.OpenRead(workbook);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Copies a workbook entry by entry into a new zip, streaming (an updated ZipArchive would hold
    /// a replaced entry in memory): <paramref name="replace"/> gives new contents, <paramref name="add"/> new entries.
    /// </summary>
    private static void Rewrite(string source, string target, Dictionary<string, Action<Stream>>? replace = null, IReadOnlyList<(string Name, Action<Stream> Write)>? add = null)
    {
        using var input = ZipFile.OpenRead(source);
        using var output = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var to = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            if (replace?.TryGetValue(entry.FullName, out var write) == true) write(to);
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
        foreach (var (name, write) in add ?? [])
        {
            using var to = output.CreateEntry(name, CompressionLevel.Fastest).Open();
            write(to);
        }
    }

    /// <summary>Makes both headers of <paramref name="entry"/> (local and central) claim <paramref name="size"/> bytes uncompressed.</summary>
    private static void ClaimSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4b) continue;
            if (bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            else if (bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
        }
        File.WriteAllBytes(path, bytes);
    }
}
