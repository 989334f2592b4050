using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Core.Search;

/// <summary>
/// The seam between the index and the language: which analyzer each field gets, at index
/// time and at query time. Everything else in Search/ asks this class, so swapping the
/// stand-in CJK bigram analysis for the Japanese morphological analyzer is a change here only.
/// </summary>
public sealed class CatalogAnalyzers : IDisposable
{
    private readonly Analyzer _text;
    private readonly Analyzer _bigramIndex;
    private readonly Analyzer _reading;

    public CatalogAnalyzers()
    {
        // Stand-in until Catalog.Japanese lands: bigrams without unigrams for the text fields
        // (a lone CJK character still comes out as a unigram).
        _text = new CjkAnalyzer(outputUnigrams: false, foldToKatakana: false);
        _bigramIndex = new CjkAnalyzer(outputUnigrams: true, foldToKatakana: false);
        _reading = new CjkAnalyzer(outputUnigrams: false, foldToKatakana: true);
        Indexing = new PerFieldAnalyzerWrapper(_text, new Dictionary<string, Analyzer>
        {
            [SearchSchema.Bigram] = _bigramIndex,
            [SearchSchema.Reading] = _reading,
        });
    }

    /// <summary>What the index writer uses, per field.</summary>
    public Analyzer Indexing { get; }

    /// <summary>
    /// What a query word is analyzed with for <paramref name="field"/>. The bigram field is
    /// indexed with unigrams but queried with bigrams only, so a word matches as a phrase of
    /// its bigrams and a single character still matches its unigram.
    /// </summary>
    public Analyzer ForQuery(string field) => field switch
    {
        SearchSchema.Reading => _reading,
        _ => _text,
    };

    /// <summary>The analyzer whose offsets drive highlighting of stored text.</summary>
    public Analyzer ForHighlight => _text;

    /// <summary>True when the reading field holds real readings of kanji (needs the morphological analyzer).</summary>
    public bool ReadsKanji => false;

    /// <summary>The katakana reading of <paramref name="text"/> as far as the analysis knows it, for suggestions.</summary>
    public string ReadingOf(string text) => TextNormalizer.FoldToKatakana(TextNormalizer.Normalize(text));

    public void Dispose()
    {
        Indexing.Dispose();
        _text.Dispose();
        _bigramIndex.Dispose();
        _reading.Dispose();
    }

    private sealed class CjkAnalyzer(bool outputUnigrams, bool foldToKatakana) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(SearchSchema.Version, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(SearchSchema.Version, stream);
            if (foldToKatakana) stream = new KatakanaFoldFilter(stream);
            stream = new CJKBigramFilter(stream, CJKScript.ALL, outputUnigrams);
            return new TokenStreamComponents(source, stream);
        }
    }
}

/// <summary>Hiragana to katakana in each token, so こうふ and コウフ meet in the reading field.</summary>
public sealed class KatakanaFoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public KatakanaFoldFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
            if (buffer[i] is >= '\u3041' and <= '\u3096') buffer[i] = (char)(buffer[i] + 0x60);
        return true;
    }
}

/// <summary>Normalisation shared by synonyms, suggestions and validation: NFKC, lower case.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant().Trim();

    public static string FoldToKatakana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= '\u3041' and <= '\u3096') chars[i] = (char)(chars[i] + 0x60);
        return new string(chars);
    }
}
