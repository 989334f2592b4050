using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Core.Drafting;

/// <summary>
/// The text of a saved HTML page as a reader sees it: scripts, styles and comments dropped, a line
/// break for every block element and table cell boundary, entities decoded. One linear pass over
/// the tags, so deep nesting or a missing close tag costs nothing extra.
/// </summary>
public static partial class HtmlText
{
    [GeneratedRegex(@"<!--.*?-->|<![^>]*>|<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Tag();

    // Elements that start a new line of text; td/th end a cell, written as a tab like the stored documents.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl",
        "section", "article", "header", "footer", "nav", "main", "aside", "title", "caption", "blockquote", "pre", "hr", "form",
    };

    public static string ToText(string html)
    {
        var visible = Hidden().Replace(html, " ");
        var sb = new StringBuilder(visible.Length / 2);
        var at = 0;
        foreach (Match m in Tag().Matches(visible))
        {
            sb.Append(visible, at, m.Index - at);
            at = m.Index + m.Length;
            var name = m.Groups[2].Value;
            if (Blocks.Contains(name)) sb.Append('\n');
            else if (name is "td" or "th" or "TD" or "TH") sb.Append('\t');
        }
        sb.Append(visible, at, visible.Length - at);
        // Entities after the tags are gone, so a decoded "<" never starts a tag.
        var text = WebUtility.HtmlDecode(sb.ToString()).Replace('\u00A0', ' ');
        var lines = text.Split('\n').Select(l => l.Trim(' ', '\t', '\r')).Where(l => l.Length > 0);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>True when the text looks like HTML (a doctype or an html/head/body tag near the start).</summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 2048 ? text[..2048] : text;
        return head.Contains("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<head", StringComparison.OrdinalIgnoreCase);
    }
}
