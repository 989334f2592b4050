using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Core.Workbook;

/// <summary>A cell to write: text (written as text, never as a formula) or a number, and its style.</summary>
internal readonly record struct WrittenCell(object? Value, uint Style)
{
    public static WrittenCell Text(string text, uint style) => new(text.Length == 0 ? null : text, style);
    public static WrittenCell Number(double value, uint style) => new(value, style);
    public static WrittenCell Empty(uint style) => new(null, style);
}

/// <summary>Writes rows of cells with <see cref="OpenXmlWriter"/>, without building a DOM per cell.</summary>
internal static class RowWriter
{
    private const int MaxCellText = 32_767; // Excel's limit for one cell

    // Only their names are used: the writer emits start tags from them.
    private static readonly DocumentFormat.OpenXml.Spreadsheet.Cell CellElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    public static void Write(OpenXmlWriter writer, int row, IEnumerable<WrittenCell> cells)
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
}
