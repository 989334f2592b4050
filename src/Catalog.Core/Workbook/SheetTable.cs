namespace Catalog.Core.Workbook;

internal enum RawKind { Empty, Text, Number, Bool, Error }

/// <summary>A cell as read, before the column decides what it means.</summary>
internal readonly record struct RawCell(RawKind Kind, string Text, double Number, string? Formula)
{
    public static readonly RawCell Blank = new(RawKind.Empty, "", 0, null);

    public bool IsEmpty => Formula is null && (Kind == RawKind.Empty || (Kind == RawKind.Text && Text.Trim().Length == 0));

    /// <summary>The value as a person would read it in the message.</summary>
    public string Shown => Kind switch
    {
        RawKind.Number => Number.ToString("G15", System.Globalization.CultureInfo.InvariantCulture),
        RawKind.Bool => Number != 0 ? "TRUE" : "FALSE",
        _ => Text,
    };
}

/// <summary>One sheet as read from a workbook or a CSV file: its header row and its data rows.</summary>
internal sealed class SheetTable(string name)
{
    public string Name => name;

    /// <summary>Column number (1-based) → header cell.</summary>
    public Dictionary<int, RawCell> Header { get; } = [];

    /// <summary>Data rows in order, each with its row number as staff see it.</summary>
    public List<(int Row, Dictionary<int, RawCell> Cells)> Rows { get; } = [];

    /// <summary>Merged ranges (A1:B2).</summary>
    public List<string> Merged { get; } = [];
}

/// <summary>Where a value was typed: sheet, row, column header, and the cell's text.</summary>
public sealed record CellRef(string Sheet, int Row, string Header, string Text);

/// <summary>JSON paths of one record ($.caps[0].text) → the cell they were read from.</summary>
public sealed class CellMap
{
    private readonly Dictionary<string, CellRef> _cells = new(StringComparer.Ordinal);

    public void Add(string path, CellRef cell) => _cells.TryAdd(path, cell);

    /// <summary>The cell of the deepest mapped prefix of <paramref name="path"/>.</summary>
    public CellRef? Find(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_cells.TryGetValue(p, out var cell)) return cell;
        return null;
    }

    /// <summary>Path → row, for the importer's line map.</summary>
    public IReadOnlyDictionary<string, int> Rows() => _cells.ToDictionary(c => c.Key, c => c.Value.Row, StringComparer.Ordinal);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
