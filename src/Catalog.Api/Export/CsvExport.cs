using System.Text;
using Catalog.Api.Parameters;
using Catalog.Api.Programs;
using Catalog.Core.Export;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Export;

/// <summary>
/// CSV as every endpoint that offers it writes it (/api/export, a municipality's verdicts), and
/// the program export's rows: one row a program, Japanese headers, lists joined with "; ". UTF-8
/// with a BOM (Japanese Excel needs it), or Shift_JIS (CP932) on request, which cannot encode
/// every character: <see cref="FindUnencodable"/> names the first record that does not fit.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Header =
    [
        "ID", "制度名", "所管府省", "支援の種類", "分野", "補助率", "上限額（円）", "上限額", "対象", "年度",
        "募集状況", "次の締切", "URL", "別名", "概要",
    ];

    public static Encoding ShiftJis { get; } = GetShiftJis();

    private static Encoding GetShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public const string EncodingDescription = "CSV only: utf-8 (default, with BOM) or shift_jis (CP932); also utf8, shift-jis, sjis, cp932, windows-31j, in any case.";

    /// <summary>The encoding parameter: its first two words are the canonical ones, the rest their other spellings.</summary>
    public static readonly ChoiceParameter EncodingRule = new("encoding", ["utf-8", "shift_jis", "utf8", "shift-jis", "sjis", "cp932", "windows-31j"], "utf-8") { IgnoreCase = true };

    public const string Utf8ContentType = "text/csv; charset=utf-8";
    public const string ShiftJisContentType = "text/csv; charset=shift_jis";

    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// The encoding an <c>encoding</c> parameter asks for: UTF-8 with BOM when absent, or Shift_JIS
    /// (CP932); a 400 for any other value, or for Shift_JIS when the format is not CSV.
    /// </summary>
    public static ProblemDetails? TryEncoding(string? encoding, bool csv, out Encoding result)
    {
        result = Utf8WithBom;
        string name;
        try { name = EncodingRule.Parse(encoding)!; }
        catch (ParameterException e) { return SearchParameters.Problem(e); }
        var shiftJis = name is not ("utf-8" or "utf8");
        if (shiftJis && !csv) return SearchParameters.Problem("encoding", "encoding=shift_jis is only for format=csv; JSON is always UTF-8");
        if (shiftJis) result = ShiftJis;
        return null;
    }

    /// <summary>The two CSV bodies in a 200 response of the OpenAPI document.</summary>
    public static void Describe(IDictionary<string, Microsoft.OpenApi.OpenApiMediaType> content)
    {
        content[Utf8ContentType] = OpenApi.MediaTypes.Text("CSV (RFC 4180, CRLF) in UTF-8 with a BOM, a header row of Japanese column names.");
        content[ShiftJisContentType] = OpenApi.MediaTypes.Text("The same CSV in Shift_JIS (CP932), with encoding=shift_jis.");
    }

    /// <summary>A 400 naming the first program and character Shift_JIS cannot encode (never for UTF-8), rather than a file with holes.</summary>
    public static ProblemHttpResult? Unencodable(Encoding encoding, IReadOnlyList<(string Id, string Name, string Line)> lines)
    {
        if (encoding.CodePage != ShiftJis.CodePage || FindUnencodable(lines.Select(l => (l.Id, l.Line))) is not { } bad) return null;
        var name = lines.First(l => l.Id == bad.RecordId).Name;
        var codePoint = char.ConvertToUtf32(bad.Character, 0);
        return TypedResults.Problem(SearchParameters.Problem("encoding",
            $"Program '{bad.RecordId}' ({name}) contains '{bad.Character}' (U+{codePoint:X4}), which Shift_JIS (CP932) cannot encode; use encoding=utf-8."));
    }

    /// <summary>The header and lines as a download in <paramref name="encoding"/>, its charset in the content type.</summary>
    public static PushStreamHttpResult Stream(Encoding encoding, IReadOnlyList<string> header,
        IReadOnlyList<(string Id, string Name, string Line)> lines, string fileName) =>
        TypedResults.Stream(async s =>
        {
            await using var writer = new StreamWriter(s, encoding, 64 * 1024, leaveOpen: true);
            await writer.WriteAsync(Line(header));
            foreach (var (_, _, line) in lines) await writer.WriteAsync(line);
        }, encoding.CodePage == ShiftJis.CodePage ? ShiftJisContentType : Utf8ContentType, fileName);

    public static string[] Row(ProgramRecord p, DateTimeOffset asOf)
    {
        var status = ProgramStatus.At(p, asOf);
        return
        [
            p.Id, p.Name, p.Ministry, string.Join("; ", p.Kinds), string.Join("; ", p.Fields), p.Rate?.Text ?? "",
            ProgramCaps.MaxYen(p)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ProgramCaps.Text(p, "; ") ?? "",
            string.Join("; ", p.Applicants), string.Join("; ", p.FiscalYears.Select(Wareki.FormatFiscalYear)),
            status.Status ?? "", status.NextDeadline is { } d ? SearchFormat.Time(d) : "", p.Url ?? "",
            string.Join("; ", p.Aliases), p.Summary ?? "",
        ];
    }

    /// <summary>
    /// One CSV line (RFC 4180 quoting, CRLF). Text a spreadsheet would run as a formula gets an
    /// apostrophe in front (<see cref="FormulaGuard"/>, reversible); a negative number too, since
    /// "-2+3+cmd|…" is one.
    /// </summary>
    public static string Line(IEnumerable<string> cells)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var raw in cells)
        {
            if (!first) sb.Append(',');
            first = false;
            var cell = FormulaGuard.Neutralise(raw);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(cell);
        }
        return sb.Append("\r\n").ToString();
    }

    /// <summary>The first (record id, character) Shift_JIS cannot encode, or null when everything fits.</summary>
    public static (string RecordId, string Character)? FindUnencodable(IEnumerable<(string Id, string Line)> lines)
    {
        foreach (var (id, line) in lines)
        {
            try { ShiftJis.GetByteCount(line); }
            catch (EncoderFallbackException e)
            {
                var ch = e.CharUnknownHigh != default ? new string([e.CharUnknownHigh, e.CharUnknownLow]) : e.CharUnknown.ToString();
                return (id, ch);
            }
        }
        return null;
    }
}
