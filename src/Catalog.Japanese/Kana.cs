namespace Catalog.Japanese;

/// <summary>Hiragana → katakana, written once for the analyzer and the catalogue.</summary>
public static class Kana
{
    /// <summary>ぁ..ゖ map to ァ..ヶ, 0x60 apart; every other character is kept.</summary>
    public static char ToKatakana(char c) => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c;

    /// <summary>Folds every hiragana in <paramref name="text"/> to katakana, in place.</summary>
    public static void FoldToKatakana(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++) text[i] = ToKatakana(text[i]);
    }

    /// <summary><paramref name="text"/> with every hiragana folded to katakana.</summary>
    public static string FoldToKatakana(string text)
    {
        var chars = text.ToCharArray();
        FoldToKatakana(chars);
        return new string(chars);
    }
}
