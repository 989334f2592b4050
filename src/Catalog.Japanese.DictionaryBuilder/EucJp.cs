using System.Text;

namespace Catalog.Japanese.DictionaryBuilder;

/// <summary>
/// EUC-JP decoding that matches iconv (which Debian used to build ipadic-utf8). .NET's code
/// page 51932 maps a few JIS X 0208 codes to full-width compatibility characters instead.
/// </summary>
internal static class EucJp
{
    private static readonly Dictionary<int, char> IconvOverrides = new()
    {
        [0xA1C1] = '\u301C', // WAVE DASH, not FULLWIDTH TILDE
        [0xA1DD] = '\u2212', // MINUS SIGN, not FULLWIDTH HYPHEN-MINUS
        [0xA1C2] = '\u2016', // DOUBLE VERTICAL LINE
        [0xA1F1] = '\u00A2', // CENT SIGN
        [0xA1F2] = '\u00A3', // POUND SIGN
        [0xA2CC] = '\u00AC', // NOT SIGN
    };

    private static readonly Encoding Fallback = CreateEncoding();

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(51932);
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }
            int n = b == 0x8F ? 3 : 2;
            if (i + n > bytes.Length)
            {
                throw new InvalidDataException("truncated EUC-JP sequence");
            }
            if (n == 2 && IconvOverrides.TryGetValue((b << 8) | bytes[i + 1], out char special))
            {
                sb.Append(special);
            }
            else
            {
                sb.Append(Fallback.GetString(bytes.Slice(i, n)));
            }
            i += n;
        }
        return sb.ToString();
    }

    public static IEnumerable<string> ReadLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int start = 0;
        for (int i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                int end = i;
                if (end > start && bytes[end - 1] == (byte)'\r')
                {
                    end--;
                }
                if (end > start || i < bytes.Length)
                {
                    yield return Decode(bytes.AsSpan(start, end - start));
                }
                start = i + 1;
            }
        }
    }
}
