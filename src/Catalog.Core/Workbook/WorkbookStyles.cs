using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Core.Workbook;

/// <summary>The workbook's cell formats; the constants are indexes into cellXfs.</summary>
internal static class WorkbookStyles
{
    public const uint Header = 1;
    public const uint HeaderDerived = 2;
    public const uint Text = 3;
    public const uint Lines = 4;
    public const uint IdLocked = 5;
    public const uint Derived = 6;
    public const uint DerivedYen = 7;
    public const uint DerivedFraction = 8;
    public const uint Date = 9;
    public const uint DateTime = 10;
    public const uint Integer = 11;
    public const uint HelpText = 12;
    public const uint HelpTitle = 13;
    public const uint DerivedNumber = 14;

    // 和暦 with 元年 for the first year of an era, as Japanese Excel writes it.
    public const string WarekiDate = "[$-411]ggge\"年\"m\"月\"d\"日\"";
    public const string WarekiDateTime = "[$-411]ggge\"年\"m\"月\"d\"日\" h:mm";
    private const uint TextFormat = 49; // built-in "@": what staff type stays text (1/2 is not a date)

    /// <summary>The style of a column: what an empty cell of it takes.</summary>
    public static uint ForColumn(Column column) => column.Kind switch
    {
        CellKind.Lines => Lines,
        CellKind.Start or CellKind.End => Date,
        CellKind.Count => Integer,
        CellKind.Derived => ForDerivation(column.Derivation),
        _ => Text,
    };

    public static uint ForDerivation(Derivation d) => d switch
    {
        Derivation.Yen => DerivedYen,
        Derivation.Fraction => DerivedFraction,
        Derivation.Number => DerivedNumber,
        _ => Derived,
    };

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(bold: false, size: 11, color: null),
            Font(bold: true, size: 11, color: null),
            Font(bold: true, size: 11, color: "FF595959"),
            Font(bold: true, size: 14, color: null));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDDEBF7"),  // header
            Solid("FFEDEDED"),  // derived: shown, not read
            Solid("FFFFF2CC")); // protected id
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = WarekiDate },
            new NumberingFormat { NumberFormatId = 165, FormatCode = WarekiDateTime },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "# ??/??" });

        var formats = new CellFormats(
            new CellFormat(),                                                                               // 0 default
            Format(font: 1, fill: 2, border: 1, numberFormat: TextFormat, locked: true, wrap: true),        // 1 header
            Format(font: 2, fill: 3, border: 1, numberFormat: TextFormat, locked: true, wrap: true),        // 2 derived header
            Format(numberFormat: TextFormat, locked: false),                                                // 3 text
            Format(numberFormat: TextFormat, locked: false, wrap: true),                                    // 4 lines
            Format(fill: 4, numberFormat: TextFormat, locked: true),                                        // 5 protected id
            Format(fill: 3, numberFormat: TextFormat, locked: true),                                        // 6 derived
            Format(fill: 3, numberFormat: 3, locked: true),                                                 // 7 derived yen #,##0
            Format(fill: 3, numberFormat: 166, locked: true),                                               // 8 derived fraction
            Format(numberFormat: 164, locked: false),                                                       // 9 date (和暦)
            Format(numberFormat: 165, locked: false),                                                       // 10 date and time (和暦)
            Format(numberFormat: 1, locked: false),                                                         // 11 whole number
            Format(numberFormat: TextFormat, locked: true, wrap: true),                                     // 12 help text
            Format(font: 3, locked: true),                                                                  // 13 help title
            Format(fill: 3, numberFormat: 1, locked: true));                                                // 14 derived number

        return new Stylesheet(numberFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat()), formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(bool bold, double size, string? color)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size });
        if (color is not null) font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "游ゴシック" });
        font.Append(new FontFamilyNumbering { Val = 3 });
        font.Append(new FontCharSet { Val = 128 }); // Shift_JIS charset: Excel picks a Japanese font
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font = 0, uint fill = 0, uint border = 0, uint numberFormat = 0, bool locked = true, bool wrap = false)
    {
        var format = new CellFormat
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numberFormat != 0,
            ApplyProtection = true, ApplyAlignment = true,
        };
        format.Append(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null });
        format.Append(new Protection { Locked = locked });
        return format;
    }
}
