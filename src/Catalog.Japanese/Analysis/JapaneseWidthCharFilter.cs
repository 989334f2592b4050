using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace Catalog.Japanese.Analysis;

/// <summary>
/// Width normalisation before tokenizing: full-width ASCII (U+FF01–U+FF5E) becomes ASCII and
/// half-width katakana becomes full-width, merging a following ﾞ or ﾟ into the voiced or
/// semi-voiced kana (ｶﾞ → ガ). Offsets are corrected back to the original text.
/// </summary>
public sealed class JapaneseWidthCharFilter : BaseCharFilter
{
    // Full-width forms of U+FF61..U+FF9F.
    private const string HalfToFull =
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

    private string? _output;
    private int _position;

    // The whole input, widened, read at the first read.
    private string Output => _output ??= Normalize(TextReading.ReadAll(m_input));

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseWidthCharFilter(TextReader input) : base(input)
    {
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count)
    {
        var output = Output;
        int n = Math.Min(count, output.Length - _position);
        if (n <= 0)
        {
            return 0;
        }
        output.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override int Read()
    {
        var output = Output;
        return _position < output.Length ? output[_position++] : -1;
    }

    /// <inheritdoc/>
    public override string ReadToEnd()
    {
        var output = Output;
        var rest = _position == 0 ? output : output[_position..];
        _position = output.Length;
        return rest;
    }

    private string Normalize(string text)
    {
        // Most text has no full-width ASCII or half-width katakana: keep it as it is.
        if (!text.AsSpan().ContainsAnyInRange('\uFF01', '\uFF9F')) return text;
        var sb = new StringBuilder(text.Length);
        int removed = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                sb.Append((char)(c - 0xFEE0));
            }
            else if (c is >= '\uFF61' and <= '\uFF9F')
            {
                char full = HalfToFull[c - 0xFF61];
                if (i + 1 < text.Length && Combine(full, text[i + 1]) is char combined)
                {
                    sb.Append(combined);
                    i++;
                    removed++;
                    AddOffCorrectMap(sb.Length, removed);
                }
                else
                {
                    sb.Append(full);
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Voiced (ﾞ) or semi-voiced (ﾟ) form of a full-width katakana, if there is one.</summary>
    private static char? Combine(char kana, char mark)
    {
        if (mark == '\uFF9E')
        {
            if (kana == 'ウ')
            {
                return 'ヴ';
            }
            if (kana is >= 'カ' and <= 'ト' && (kana - 'カ') % 2 == 0 && kana != 'ッ' || kana is 'ツ' or 'テ' or 'ト')
            {
                return (char)(kana + 1);
            }
            if (kana is 'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ')
            {
                return (char)(kana + 1);
            }
            if (kana == 'ワ')
            {
                return 'ヷ';
            }
            if (kana == 'ヲ')
            {
                return 'ヺ';
            }
        }
        else if (mark == '\uFF9F' && kana is 'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ')
        {
            return (char)(kana + 2);
        }
        return null;
    }
}
