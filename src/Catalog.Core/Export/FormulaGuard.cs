namespace Catalog.Core.Export;

/// <summary>
/// CSV injection (OWASP): a spreadsheet opening a CSV runs a cell that starts with = + - @ (or a
/// tab, a carriage return, a NUL) as a formula. Such a cell is written with an apostrophe in front,
/// which spreadsheets take as "text follows". The rule can be undone exactly: a cell that starts
/// with apostrophes and then one of those characters gets one apostrophe more, and
/// <see cref="Restore"/> takes exactly one away, so every text survives the round trip — even one
/// that itself starts with an apostrophe.
/// </summary>
public static class FormulaGuard
{
    /// <summary>
    /// The characters that start a formula (OWASP's list and NUL), and their full-width forms,
    /// which Japanese Excel may take as the same when they are typed with the IME.
    /// </summary>
    public const string FormulaStarts = "=+-@\t\r\0＝＋－＠";

    public const char Quote = '\'';

    /// <summary>The text as a CSV cell may hold it: with one apostrophe more when it could start a formula.</summary>
    public static string Neutralise(string text) => NeedsQuote(text, 0) ? Quote + text : text;

    /// <summary>The inverse of <see cref="Neutralise"/>: the text that was written.</summary>
    public static string Restore(string cell) => cell.Length > 0 && cell[0] == Quote && NeedsQuote(cell, 1) ? cell[1..] : cell;

    // Apostrophes, then a formula start: the shape Neutralise quotes (from `start` on).
    private static bool NeedsQuote(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == Quote) i++;
        return i < text.Length && FormulaStarts.Contains(text[i]);
    }
}
