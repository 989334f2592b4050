using System.Security.Cryptography;
using System.Text;
using Catalog.Japanese;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Core.Search;

/// <summary>
/// The seam between the index and the language: which analyzer each field gets, at index time
/// and at query time. Text fields use the Japanese morphological analyzer in search mode with
/// the catalogue's user dictionary; the bigram field uses CJK bigrams (recall for words no
/// dictionary knows); the reading field turns names into katakana readings, joined and cut
/// into bigrams so a kana query matches however the tokenizer segments it.
/// </summary>
public sealed class CatalogAnalyzers : IDisposable
{
    private readonly Analyzer _text;
    private readonly Analyzer _bigramIndex;
    private readonly Analyzer _bigramQuery;
    private readonly Analyzer _reading;
    private readonly Analyzer _readingString;

    /// <param name="userDictionaryPath">Kuromoji-format CSV of domain compounds; written from the built-in list when absent.</param>
    public CatalogAnalyzers(string userDictionaryPath)
    {
        var userDictionary = LoadUserDictionary(userDictionaryPath, out var dictionaryText);
        Fingerprint = $"ja-search/{SearchSchema.Format}/{JapaneseAnalyzer.AnalysisVersion}/" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dictionaryText)))[..16];
        _text = new JapaneseAnalyzer(SearchSchema.Version, userDictionary, JapaneseTokenizerMode.Search);
        _bigramIndex = new CjkAnalyzer(outputUnigrams: true);
        _bigramQuery = new CjkAnalyzer(outputUnigrams: false);
        _reading = new ReadingAnalyzer(userDictionary, bigrams: true);
        _readingString = new ReadingAnalyzer(userDictionary, bigrams: false);
        Indexing = new PerFieldAnalyzerWrapper(_text, new Dictionary<string, Analyzer>
        {
            [SearchSchema.Bigram] = _bigramIndex,
            [SearchSchema.Reading] = _reading,
        });
    }

    /// <summary>Identifies the analysis (format, Japanese analysis version, user dictionary): an index built with another is rebuilt.</summary>
    public string Fingerprint { get; }

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
        SearchSchema.Bigram => _bigramQuery,
        _ => _text,
    };

    /// <summary>Fields whose query tokens must match as a phrase (their tokens are character n-grams).</summary>
    public static bool IsNGramField(string field) => field is SearchSchema.Bigram or SearchSchema.Reading;

    /// <summary>The analyzer whose offsets drive highlighting of stored text.</summary>
    public Analyzer ForHighlight => _text;

    /// <summary>The katakana reading of <paramref name="text"/> (交付金 → コウフキン), for suggestions.</summary>
    public string ReadingOf(string text)
    {
        var tokens = Tokens(_readingString, SearchSchema.Reading, text);
        return tokens.Count == 0 ? "" : tokens[0].Term;
    }

    /// <summary>Terms and positions of <paramref name="text"/> as <paramref name="analyzer"/> sees it in <paramref name="field"/>.</summary>
    public static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            result.Add((term.ToString(), Math.Max(position, 0)));
        }
        stream.End();
        return result;
    }

    public void Dispose()
    {
        Indexing.Dispose();
        _text.Dispose();
        _bigramIndex.Dispose();
        _bigramQuery.Dispose();
        _reading.Dispose();
        _readingString.Dispose();
    }

    private static UserDictionary LoadUserDictionary(string path, out string text)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var defaults = typeof(CatalogAnalyzers).Assembly.GetManifestResourceStream("Catalog.Core.Search.userdict.csv")
                ?? throw new InvalidOperationException("the built-in user dictionary is missing from Catalog.Core");
            using var file = File.Create(path);
            defaults.CopyTo(file);
        }
        text = File.ReadAllText(path);
        return UserDictionary.Load(path);
    }

    private sealed class CjkAnalyzer(bool outputUnigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(SearchSchema.Version, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(SearchSchema.Version, stream);
            stream = new CJKBigramFilter(stream, CJKScript.ALL, outputUnigrams);
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class ReadingAnalyzer(UserDictionary userDictionary, bool bigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new JapaneseTokenizer(reader, userDictionary, JapaneseTokenizerMode.Search);
            TokenStream stream = new JapaneseReadingFormFilter(source);
            stream = new LowerCaseFilter(SearchSchema.Version, stream);
            stream = new JoinedReadingFilter(stream, bigrams);
            return new TokenStreamComponents(source, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => new JapaneseWidthCharFilter(reader);
    }
}

/// <summary>
/// Joins the readings of a value's words (skipping kept compounds, which repeat their parts)
/// into one string and emits its character bigrams — or the whole string — so こうふきん meets
/// 交付金 (コウフ + キン) whatever the segmentation of either side.
/// </summary>
public sealed class JoinedReadingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly bool _bigrams;
    private string? _joined;
    private int _next;
    private int _endOffset;

    public JoinedReadingFilter(TokenStream input, bool bigrams) : base(input)
    {
        _bigrams = bigrams;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_joined is null)
        {
            var sb = new StringBuilder();
            while (m_input.IncrementToken())
            {
                if (_increment.PositionIncrement == 0) continue;
                for (var i = 0; i < _term.Length; i++)
                {
                    var c = _term.Buffer[i];
                    sb.Append(Kana.ToKatakana(c));
                }
                _endOffset = _offset.EndOffset;
            }
            _joined = sb.ToString();
            _next = 0;
        }
        if (_joined.Length == 0) return false;
        ClearAttributes();
        string token;
        if (!_bigrams)
        {
            if (_next > 0) return false;
            token = _joined;
        }
        else if (_joined.Length == 1)
        {
            if (_next > 0) return false;
            token = _joined;
        }
        else
        {
            if (_next + 2 > _joined.Length) return false;
            token = _joined.Substring(_next, 2);
        }
        _next++;
        _term.SetEmpty().Append(token);
        _increment.PositionIncrement = 1;
        _offset.SetOffset(0, _endOffset);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _joined = null;
        _next = 0;
        _endOffset = 0;
    }
}

/// <summary>Normalisation shared by synonyms, suggestions and validation: NFKC, lower case.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();

    public static string FoldToKatakana(string text) => Kana.FoldToKatakana(text);
}
