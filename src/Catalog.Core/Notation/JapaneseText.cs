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
}
