using System.Xml;
using Catalog.Core.Import;

namespace Catalog.Core.Workbook;

/// <summary>What a part of the workbook is, as far as the checks care.</summary>
internal enum PartKind { Other, Sheet, SharedStrings }

/// <summary>
/// Reads one XML part of a workbook as a stream of nodes, holding no more than a node's name and
/// a small buffer: no DTD (so no entity expansion, no external entity), bounded nesting, and in
/// the sheets and the shared strings, bounded rows and characters per cell. The Open XML SDK
/// reads the part again afterwards only if all of that holds.
/// </summary>
internal static class PartScanner
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static XmlReaderSettings Settings(FileLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
        IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = true,
        MaxCharactersInDocument = limits.MaxPartBytes, CloseInput = false,
    };

    /// <summary>Scans <paramref name="stream"/>; <paramref name="sheet"/> names the sheet when the part is one.</summary>
    public static void Scan(Stream stream, string part, PartKind kind, string? sheet, FileLimits limits, ReadClock clock)
    {
        var where = $"部品 {part}"; // the sheet, when it is one, is named by the error itself
        using var reader = XmlReader.Create(stream, Settings(limits));
        var chunk = new char[4096];
        var rows = 0;
        var row = 0;
        var items = 0;         // shared strings so far
        string? cell = null;   // the cell being read (B12), or the number of the shared string
        var item = -1;         // depth of that cell (c) or string (si); -1 outside one
        var chars = 0;         // its characters so far
        var phonetic = -1;     // depth of a phonetic guide (rPh), whose reading is not the text
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > limits.MaxXmlDepth)
                    throw FileLimitException.Over($"{where} の XML の入れ子", FileLimitException.Count(limits.MaxXmlDepth) + " 段", nameof(FileLimits.MaxXmlDepth), sheet);
                if (kind == PartKind.Other) continue;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.NamespaceURI != Main:
                        break;
                    case XmlNodeType.Element when kind == PartKind.Sheet && reader.LocalName == "row":
                        clock.Check();
                        rows++;
                        row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                        if (rows > limits.MaxRowsPerSheet)
                            throw FileLimitException.TooManyRows(limits, sheet, row);
                        break;
                    case XmlNodeType.Element when !reader.IsEmptyElement && (kind == PartKind.Sheet ? reader.LocalName == "c" : reader.LocalName == "si"):
                        if (kind == PartKind.SharedStrings) clock.Check();
                        cell = kind == PartKind.Sheet ? reader.GetAttribute("r") ?? "?" : FileLimitException.Count(++items);
                        item = reader.Depth;
                        chars = 0;
                        break;
                    case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement:
                        phonetic = reader.Depth;
                        break;
                    case XmlNodeType.EndElement when reader.Depth == phonetic:
                        phonetic = -1;
                        break;
                    case XmlNodeType.EndElement when reader.Depth == item:
                        item = -1;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when item >= 0 && phonetic < 0:
                        // Counted in chunks: a hostile cell is never held whole.
                        int n;
                        while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            chars += n;
                            if (chars > limits.MaxCellChars) throw CellTooLong(kind, where, sheet, row, cell, limits);
                        }
                        break;
                }
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new FileLimitException($"{where} に DTD（<!DOCTYPE>、実体の宣言）があります。Excel の書くブックにはないもので、取り込みません", sheet);
        }
        catch (XmlException e)
        {
            throw new FileLimitException($"{where} の XML が壊れています（{e.LineNumber} 行 {e.LinePosition} 文字目: {e.Message}）", sheet);
        }
    }

    private static FileLimitException CellTooLong(PartKind kind, string where, string? sheet, int row, string? cell, FileLimits limits) =>
        kind == PartKind.SharedStrings
            ? FileLimitException.TooLong($"{where} の {cell} 番目の文字列の長さ", limits)
            : FileLimitException.TooLong($"セル {cell} の文字数", limits, sheet, row);
}
