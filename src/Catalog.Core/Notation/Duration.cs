using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>Durations as sources write them: 最長5か年度, 3年間, 最長5年, 2か年.</summary>
public static partial class Duration
{
    [GeneratedRegex(@"(?<n>\d+)(?:か|ヶ|ケ|カ|箇)?年")]
    private static partial Regex YearsPattern();

    public static int? ParseYears(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = YearsPattern().Match(JapaneseText.NormalizeAscii(text));
        return m.Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }
}
