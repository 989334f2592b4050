namespace Catalog.Core.Drafting;

/// <summary>
/// How deep a PDF's arrays and dictionaries nest, found by one pass over the bytes before any
/// parser sees them: a recursive parser meets a file built with thousands of "[" as a stack
/// overflow, which no catch survives. Strings, comments and stream contents are skipped.
/// </summary>
internal static class PdfNesting
{
    /// <summary>The deepest nesting, counted until it passes <paramref name="stopAbove"/>.</summary>
    public static int Deepest(ReadOnlySpan<byte> pdf, int stopAbove)
    {
        int depth = 0, deepest = 0;
        for (var i = 0; i < pdf.Length; i++)
        {
            var b = pdf[i];
            switch (b)
            {
                case (byte)'%':
                    while (i < pdf.Length && pdf[i] is not ((byte)'\n' or (byte)'\r')) i++;
                    break;
                case (byte)'(':
                    i = SkipString(pdf, i);
                    break;
                case (byte)'[':
                case (byte)'<' when i + 1 < pdf.Length && pdf[i + 1] == '<':
                    if (b == '<') i++;
                    depth++;
                    if (depth > deepest && (deepest = depth) > stopAbove) return deepest;
                    break;
                case (byte)']':
                case (byte)'>' when i + 1 < pdf.Length && pdf[i + 1] == '>':
                    if (b == '>') i++;
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'s' when pdf[i..].StartsWith("stream"u8) && (i == 0 || !char.IsAsciiLetter((char)pdf[i - 1])):
                    var end = pdf[i..].IndexOf("endstream"u8);
                    if (end < 0) return deepest;
                    i += end + "endstream".Length - 1;
                    break;
            }
        }
        return deepest;
    }

    // A literal string: balanced parentheses, backslash escapes.
    private static int SkipString(ReadOnlySpan<byte> pdf, int i)
    {
        var open = 0;
        for (; i < pdf.Length; i++)
        {
            if (pdf[i] == '\\') { i++; continue; }
            if (pdf[i] == '(') open++;
            else if (pdf[i] == ')' && --open == 0) return i;
        }
        return i;
    }
}
