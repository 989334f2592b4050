namespace Catalog.Core.Import;

/// <summary>
/// What an import reads from a workbook (.xlsx) or a CSV sheet before it refuses the file: one
/// line naming the file, the sheet or part, and the limit; nothing is written. Bound from
/// "Catalog:FileLimits" (Catalog__FileLimits__MaxRowsPerSheet=…); docs/file-limits.md gives the
/// reasons and the measured cost of each refusal. The defaults leave about ten times the room
/// the largest catalogue we expect needs.
/// </summary>
public sealed class FileLimits
{
    public static FileLimits Default { get; } = new();

    /// <summary>The file as it lies on disk: the zip of a workbook, or the CSV text.</summary>
    public long MaxFileBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>One part of a workbook (a sheet, the shared strings) once decompressed, counted as it is read, not as the zip says.</summary>
    public long MaxPartBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>All parts of a workbook together, decompressed.</summary>
    public long MaxExpandedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Files inside the workbook's zip.</summary>
    public int MaxParts { get; set; } = 1000;

    /// <summary>Sheets in a workbook (the export writes 12).</summary>
    public int MaxSheets { get; set; } = 32;

    /// <summary>Rows one sheet may hold, header included.</summary>
    public int MaxRowsPerSheet { get; set; } = 100_000;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>Nesting of XML elements in a part (a sheet needs 6).</summary>
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Time to read the file into sheets, before the records are checked.</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromSeconds(60);
}
