using System.Text;

namespace Catalog.Core.Import;

/// <summary>How to import: how to read the input, and whether it replaces the catalogue or only shows the changes.</summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>The input is the whole catalogue: programs and adoption rows it lacks are removed.</summary>
    public bool Replace { get; init; }

    /// <summary>Validate and work out the changes; write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Refuse a value its quotes do not state (Audit.EvidenceSupport). On by default; the audit
    /// turns it off because it runs the same check itself, to count and report every value.
    /// </summary>
    public bool CheckEvidenceSupport { get; init; } = true;

    /// <summary>CSV only: the encoding; null detects it (a BOM or valid UTF-8 is UTF-8, anything else Shift_JIS).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Shift_JIS as Excel writes it on Japanese Windows (CP932); bytes it cannot decode are errors.</summary>
    public static Encoding ShiftJis { get; } = GetShiftJis();

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding GetShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>utf-8 or shift_jis (and their usual aliases); null or empty means "detect".</summary>
    public static bool TryParseEncoding(string? name, out Encoding? encoding)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto": encoding = null; return true;
            case "utf-8" or "utf8": encoding = StrictUtf8; return true;
            case "shift_jis" or "shift-jis" or "sjis" or "cp932" or "windows-31j": encoding = ShiftJis; return true;
            default: encoding = null; return false;
        }
    }
}
