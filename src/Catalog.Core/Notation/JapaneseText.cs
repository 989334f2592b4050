using System.Text;

namespace Catalog.Core.Notation;

/// <summary>Small text helpers the notation parsers share.</summary>
internal static class JapaneseText
{
    /// <summary>Full-width ASCII (digits, slash, comma, percent …) to ASCII, with all spaces removed.</summary>
    public static string NormalizeAscii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E') sb.Append((char)(c - 0xFEE0));
            else if (char.IsWhiteSpace(c)) continue;
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Full-width ASCII to ASCII, every run of whitespace (line breaks, tabs, 全角スペース) to one
    /// space. For finding values inside running text, where a space still separates two numbers
    /// (R6 10,000千円 is not 610,000千円).
    /// </summary>
    public static string NormalizeWidth(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return sb.ToString();
    }
}
