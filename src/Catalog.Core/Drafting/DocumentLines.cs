using System.Text.RegularExpressions;

namespace Catalog.Core.Drafting;

/// <summary>A value a finder read, with the phrase of the document that states it (a substring of one or two lines, so verbatim).</summary>
public sealed record Found<T>(T Value, string Quote);

/// <summary>
/// The document as lines, and the small reading helpers the finders share: the text after a label
/// on its line (or the next line when the label stands alone, as in a table or a heading), and
/// the sentence around a place. Every string handed out is cut from the document itself.
/// </summary>
public sealed partial class DocumentLines
{
    public DocumentLines(string text)
    {
        Lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Labels of a field, in order of preference, as a table cell or heading writes them.</summary>
    public IEnumerable<(int Line, int At, string Label)> FindLabels(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        for (var i = 0; i < Lines.Count; i++)
            foreach (var label in list)
            {
                var at = Lines[i].IndexOf(label, StringComparison.Ordinal);
                if (at >= 0) { yield return (i, at, label); break; }
            }
    }

    /// <summary>
    /// What follows a label: the rest of its line (past ：, :, spaces and a closing bracket), and when
    /// that is empty or short the next <paramref name="more"/> non-empty lines too. The quote is the
    /// label's line from the label on, plus those lines.
    /// </summary>
    public (string Value, string Quote) After(int line, int at, string label, int more = 1)
    {
        var rest = Lines[line][(at + label.Length)..];
        var quote = Lines[line][at..].TrimEnd();
        var value = LabelTail().Replace(rest, "");
        for (var i = line + 1; i < Lines.Count && more > 0 && (value.Trim().Length < 4 || (value.Length < 16 && !HasFigure(value))); i++)
        {
            if (Lines[i].Trim().Length == 0) continue;
            value += "\n" + Lines[i];
            quote += "\n" + Lines[i].Trim();
            more--;
        }
        return (value, quote);
    }

    private static bool HasFigure(string s) => s.Any(c => c is >= '0' and <= '9' or >= '０' and <= '９') || s.Contains("定額", StringComparison.Ordinal);

    /// <summary>The sentence of a line around position <paramref name="at"/> (cut at 。 on either side).</summary>
    public string Sentence(int line, int at)
    {
        var text = Lines[line];
        var start = at <= 0 ? 0 : text.LastIndexOf('。', Math.Min(at, text.Length) - 1) + 1;
        var end = text.IndexOf('。', Math.Min(at, text.Length));
        return text[start..(end < 0 ? text.Length : end + 1)].Trim();
    }

    /// <summary>True for a line that reads as a heading or a short table row, not running text.</summary>
    public bool IsShort(int line) => Lines[line].Trim().Length <= 40;

    // What separates a label from its value: ：, :, 】, ）, spaces.
    [GeneratedRegex(@"^[\s:：】\]）)は]*")]
    private static partial Regex LabelTail();
}
