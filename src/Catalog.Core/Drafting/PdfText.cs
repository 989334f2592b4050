using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Catalog.Core.Drafting;

/// <summary>
/// The text layer of a PDF (PdfPig), one line per baseline in content order, so a quote taken from
/// it is found again in the stored text. Refuses, naming the limit: a file that needs a password,
/// a broken file, too many pages, nesting deeper than a real file has, and a file that takes too long.
/// </summary>
public static class PdfText
{
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) => bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8);

    public static string ToText(string name, byte[] bytes, DocumentLimits limits)
    {
        if (PdfNesting.Deepest(bytes, limits.MaxNesting) > limits.MaxNesting)
            throw new DocumentRefusedException($"{name}: the PDF nests arrays or dictionaries deeper than {limits.MaxNesting} levels; not read");
        using var cancel = new CancellationTokenSource();
        var work = Task.Run(() => Extract(name, bytes, limits, cancel.Token));
        bool finished;
        try { finished = work.Wait(limits.MaxTime); }
        catch (AggregateException) { finished = true; } // rethrown unwrapped below
        if (!finished)
        {
            cancel.Cancel(); // the reader stops at the next page
            throw new DocumentRefusedException($"{name}: reading the PDF took longer than {limits.MaxTime.TotalSeconds:0} s; not read");
        }
        try { return work.GetAwaiter().GetResult(); }
        catch (DocumentRefusedException) { throw; }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRefusedException($"{name}: the PDF is encrypted and needs a password; save an unprotected copy");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or FormatException or NullReferenceException or InvalidCastException or KeyNotFoundException or OverflowException or EndOfStreamException)
        {
            throw new DocumentRefusedException($"{name}: not a readable PDF ({FirstLine(e.Message)})");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new DocumentRefusedException($"{name}: the PDF nests its objects too deeply to read; not read");
        }
    }

    private static string Extract(string name, byte[] bytes, DocumentLimits limits, CancellationToken cancel)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        if (document.NumberOfPages > limits.MaxPages)
            throw new DocumentRefusedException($"{name}: the PDF has {document.NumberOfPages} pages, more than the limit of {limits.MaxPages}; not read");
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= document.NumberOfPages; n++)
        {
            if (cancel.IsCancellationRequested || clock.Elapsed > limits.MaxTime)
                throw new DocumentRefusedException($"{name}: reading the PDF took longer than {limits.MaxTime.TotalSeconds:0} s; not read");
            AppendLines(document.GetPage(n), text);
            if (text.Length > limits.MaxTextChars)
                throw new DocumentRefusedException($"{name}: the PDF holds more than {limits.MaxTextChars:N0} characters of text; not read");
        }
        if (text.ToString().All(char.IsWhiteSpace))
            throw new DocumentRefusedException($"{name}: the PDF has no text layer (a scan?); draft reads text, not images");
        return text.ToString();
    }

    // Letters in content order; a new line where the baseline moves by half a letter or the pen
    // goes back, a space where a gap wider than half a letter opens.
    private static void AppendLines(Page page, StringBuilder text)
    {
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrEmpty(letter.Value)) continue;
            if (previous is { } p)
            {
                var size = Math.Max(1, Math.Max(p.BoundingBox.Height, p.Width));
                var newLine = Math.Abs(letter.StartBaseLine.Y - p.StartBaseLine.Y) > size / 2 || letter.StartBaseLine.X < p.StartBaseLine.X - size;
                if (newLine) text.Append('\n');
                else if (letter.StartBaseLine.X - p.EndBaseLine.X > size / 2 && !p.Value.EndsWith(' ') && letter.Value != " ") text.Append(' ');
            }
            text.Append(letter.Value);
            previous = letter;
        }
        text.Append('\n');
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        var line = cut < 0 ? message : message[..cut];
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
