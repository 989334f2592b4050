using System.Text;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Catalog.Core.Search;

namespace Catalog.Api.Export;

/// <summary>
/// The spreadsheet export: one row a program, Japanese headers, lists joined with "; ". UTF-8
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

    /// <summary>One CSV line (RFC 4180 quoting, CRLF), with formula-looking text defused for spreadsheets.</summary>
    public static string Line(IEnumerable<string> cells)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var raw in cells)
        {
            if (!first) sb.Append(',');
            first = false;
            // A cell starting with = + @ (or - before a non-digit) would run as a formula in Excel.
            var cell = raw.Length > 0 && (raw[0] is '=' or '+' or '@' or '\t' || (raw[0] == '-' && (raw.Length == 1 || !char.IsAsciiDigit(raw[1])))) ? "'" + raw : raw;
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
