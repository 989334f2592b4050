using System.Globalization;

namespace Catalog.Japanese.Tokenization;

/// <summary>How Kuromoji reads single characters where it differs from our dictionary or from .NET.</summary>
internal static class KuromojiCharacters
{
    /// <summary>
    /// IPADIC's sources are EUC-JP. Java decodes JIS 0x213D (EUC-JP A1 BD) as U+2014 EM DASH, iconv
    /// (and so our dictionary) as U+2015 HORIZONTAL BAR; it is the only code the two decoders map
    /// differently. Swapping the two for lookups makes our entries match where Kuromoji's would.
    /// </summary>
    internal static char AsDecodedByIconv(char c) => c switch
    {
        '\u2014' => '\u2015',
        '\u2015' => '\u2014',
        _ => c,
    };

    /// <summary>Lucene's punctuation test (Java's character types, here .NET's Unicode categories).</summary>
    internal static bool IsPunctuation(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
                return true;
            default:
                return false;
        }
    }
}
