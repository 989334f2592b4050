using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>Kuromoji's view of a dictionary, derived once per dictionary and shared (immutable).</summary>
internal sealed class KuromojiTables
{
    /// <summary>
    /// Entries of Debian's mecab-ipadic (2.7.0-20070801+main) that Lucene's IPADIC 2.7.0-20070801
    /// lacks: Debian's patch 0001-new-Japanese-era-reiwa-entry adds 令和 (2019).
    /// </summary>
    private static readonly (string Surface, string Features)[] AbsentFromKuromoji =
    [
        ("令和", "名詞,固有名詞,一般,*,*,*,令和,レイワ,レイワ"),
    ];

    public KuromojiTables(JapaneseDictionary dictionary)
    {
        var data = dictionary.Data;
        var names = data.CategoryNames;
        CharClass = (byte[])data.CharCategory.Clone();
        // Kuromoji's character definition overrides the katakana middle dot (char.def: KATAKANA).
        int symbol = Array.IndexOf(names, "SYMBOL");
        if (symbol >= 0)
        {
            CharClass[0x30FB] = (byte)symbol;
        }
        ClassKanji = names.Select(n => n is "KANJI" or "KANJINUMERIC").ToArray();
        Absent = new bool[data.KnownEntryCount];
        foreach (var (surface, features) in AbsentFromKuromoji)
        {
            foreach (int e in dictionary.EntriesOf(surface))
            {
                if (dictionary.PartOfSpeechFeatures(e) + "," + dictionary.Tail(e).ToString() == features)
                {
                    Absent[e] = true;
                }
            }
        }
    }

    /// <summary>Kuromoji's character class per BMP code unit (our category index).</summary>
    public byte[] CharClass { get; }

    /// <summary>Per category: KANJI or KANJINUMERIC, the classes the search-mode penalty counts as kanji.</summary>
    public bool[] ClassKanji { get; }

    /// <summary>Known entries that Kuromoji's IPADIC does not have.</summary>
    public bool[] Absent { get; }
}
