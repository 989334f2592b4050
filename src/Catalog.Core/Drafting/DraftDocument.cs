using System.Text;
using Catalog.Core.Audit;
using Catalog.Core.Import;

namespace Catalog.Core.Drafting;

/// <summary>What a document was read from.</summary>
public enum DraftFormat { Text, Html, Pdf }

/// <summary>
/// A document given to <c>draft</c>, as text: a PDF's text layer, a saved page's visible text, or
/// a text file (a stored document's header is kept apart). Quotes are taken from <see cref="Text"/>,
/// and the text is what is stored, so every quote occurs in the stored document.
/// </summary>
public sealed record DraftDocument(string Name, DraftFormat Format, string Text, string? Address)
{
    /// <summary>Reads a file; refuses with one line naming the file and the limit it breaks.</summary>
    public static DraftDocument Read(string path, DocumentLimits? limits = null)
    {
        limits ??= DocumentLimits.Default;
        var name = Path.GetFileName(path);
        FileInfo info;
        try { info = new FileInfo(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { throw new DocumentRefusedException($"{path}: not a file name ({e.Message})"); }
        if (Directory.Exists(path)) throw new DocumentRefusedException($"{path}: is a folder; draft reads one document");
        if (!info.Exists) throw new DocumentRefusedException($"{path}: no such file");
        if (info.Length > limits.MaxBytes)
            throw new DocumentRefusedException($"{path}: {info.Length:N0} bytes, more than the limit of {limits.MaxBytes:N0}; not read");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DocumentRefusedException($"{path}: cannot be read ({e.Message})"); }
        return FromBytes(name, bytes, limits, path);
    }

    /// <summary>A document sent as bytes (the API): the same reading and the same limits as a file.</summary>
    public static DraftDocument FromBytes(string name, byte[] bytes, DocumentLimits? limits = null, string? shownAs = null)
    {
        limits ??= DocumentLimits.Default;
        shownAs ??= name;
        if (bytes.Length > limits.MaxBytes)
            throw new DocumentRefusedException($"{shownAs}: {bytes.Length:N0} bytes, more than the limit of {limits.MaxBytes:N0}; not read");
        if (bytes.Length == 0) throw new DocumentRefusedException($"{shownAs}: the file is empty");
        if (PdfText.LooksLikePdf(bytes))
            return new(name, DraftFormat.Pdf, Checked(shownAs, PdfText.ToText(shownAs, bytes, limits), limits), null);
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            throw new DocumentRefusedException($"{shownAs}: named .pdf but does not start with %PDF-; not a PDF");
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
            throw new DocumentRefusedException($"{shownAs}: binary data, not text, HTML or PDF");
        var text = Decode(shownAs, bytes);
        if (HtmlText.LooksLikeHtml(text) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            try { return new(name, DraftFormat.Html, Checked(shownAs, HtmlText.ToText(text), limits), null); }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                throw new DocumentRefusedException($"{shownAs}: reading the HTML took longer than the limit; not read");
            }
        }
        // A document stored by an earlier draft or by hand keeps its header apart: its address is known.
        var stored = SourceDocument.Parse(name, text);
        return new(name, DraftFormat.Text, Checked(shownAs, stored.Body, limits), stored.Address);
    }

    // UTF-8 when it decodes cleanly, else Shift_JIS (pages saved from older ministry sites).
    private static string Decode(string shownAs, byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try { return ImportOptions.StrictUtf8.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException) { }
        try { return ImportOptions.ShiftJis.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new DocumentRefusedException($"{shownAs}: neither UTF-8 nor Shift_JIS (byte at offset {e.Index}); save the page as UTF-8");
        }
    }

    private static string Checked(string shownAs, string text, DocumentLimits limits)
    {
        if (text.Length > limits.MaxTextChars)
            throw new DocumentRefusedException($"{shownAs}: more than {limits.MaxTextChars:N0} characters of text; not read");
        if (string.IsNullOrWhiteSpace(text)) throw new DocumentRefusedException($"{shownAs}: holds no text");
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
