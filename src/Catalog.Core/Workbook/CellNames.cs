using System.Globalization;

namespace Catalog.Core.Workbook;

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
