using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Catalog.Japanese.Analysis;

/// <summary>
/// Japanese analysis for indexing and search: width normalisation (char filter) →
/// <see cref="JapaneseTokenizer"/> (search mode by default, punctuation discarded) →
/// <see cref="JapaneseBaseFormFilter"/> → <see cref="JapanesePartOfSpeechStopFilter"/> →
/// stop words → <see cref="JapaneseKatakanaStemFilter"/> → lower case.
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    private readonly LuceneVersion _version;
    private readonly JapaneseDictionary _dictionary;
    private readonly UserDictionary? _userDictionary;
    private readonly JapaneseTokenizerMode _mode;
    private readonly CharArraySet _stopWords;
    private readonly ISet<string> _stopTags;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="version">Lucene compatibility version.</param>
    /// <param name="userDictionary">Optional user words (e.g. <c>UserDictionary.Load("data/userdict.csv")</c>).</param>
    /// <param name="mode">Segmentation mode; search mode by default.</param>
    /// <param name="stopWords">Stop words; <see cref="DefaultStopWords"/> when null.</param>
    /// <param name="stopTags">Parts of speech to drop; <see cref="DefaultStopTags"/> when null.</param>
    /// <param name="dictionary">System dictionary; the embedded IPADIC when null.</param>
    public JapaneseAnalyzer(LuceneVersion version, UserDictionary? userDictionary = null,
        JapaneseTokenizerMode mode = JapaneseTokenizerMode.Search, CharArraySet? stopWords = null,
        ISet<string>? stopTags = null, JapaneseDictionary? dictionary = null)
    {
        _version = version;
        _userDictionary = userDictionary;
        _mode = mode;
        _dictionary = dictionary ?? JapaneseDictionary.Default;
        _stopWords = stopWords ?? new CharArraySet(version, DefaultStopWords, false);
        _stopTags = stopTags ?? DefaultStopTags;
    }

    /// <summary>
    /// Changes whenever the analysis gives other tokens for the same text, so that indexes record
    /// it and are rebuilt. 2: the search and extended modes are Lucene Kuromoji's (4.10 / Lucene.Net 4.8).
    /// </summary>
    public const string AnalysisVersion = "2-kuromoji";

    /// <summary>The 27 part-of-speech tags Lucene's Japanese analyzer drops (particles, auxiliaries, symbols...).</summary>
    public static IReadOnlySet<string> DefaultStopTagSet => DefaultStopTags;

    internal static readonly HashSet<string> DefaultStopTags = new(StringComparer.Ordinal)
    {
        "接続詞",
        "助詞", "助詞-格助詞", "助詞-格助詞-一般", "助詞-格助詞-引用", "助詞-格助詞-連語",
        "助詞-接続助詞", "助詞-係助詞", "助詞-副助詞", "助詞-間投助詞", "助詞-並立助詞",
        "助詞-終助詞", "助詞-副助詞／並立助詞／終助詞", "助詞-連体化", "助詞-副詞化", "助詞-特殊",
        "助動詞",
        "記号", "記号-一般", "記号-読点", "記号-句点", "記号-空白", "記号-括弧開", "記号-括弧閉",
        "その他-間投", "フィラー", "非言語音",
    };

    /// <summary>Common Japanese stop words (particles and function words as base forms).</summary>
    public static readonly IReadOnlyList<string> DefaultStopWords =
    [
        "の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "ある", "いる", "も", "する",
        "から", "な", "こと", "として", "い", "や", "れる", "など", "なっ", "ない", "この", "ため", "その",
        "あっ", "よう", "また", "もの", "という", "あり", "まで", "られ", "なる", "へ", "か", "だ", "これ",
        "によって", "により", "おり", "より", "による", "ず", "なり", "られる", "において", "ば", "なかっ",
        "なく", "しかし", "について", "せ", "だっ", "その後", "できる", "それ", "う", "ので", "なお", "のみ",
        "でき", "き", "つ", "における", "および", "いう", "さらに", "でも", "ら", "たり", "その他", "に関する",
        "たち", "ます", "ん", "なら", "に対して", "特に", "せる", "及び", "これら", "とき", "では", "にて",
        "ほか", "ながら", "うち", "そして", "とともに", "ただし", "かつて", "それぞれ", "または", "お", "ほど",
        "ものの", "に対する", "ほとんど", "と共に", "といった", "です", "とも", "ところ", "ここ",
    ];

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JapaneseTokenizer(reader, _dictionary, _userDictionary, _mode, discardPunctuation: true);
        TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
        stream = new JapanesePartOfSpeechStopFilter(_version, stream, _stopTags);
        stream = new StopFilter(_version, stream, _stopWords);
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new LowerCaseFilter(_version, stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <inheritdoc/>
    protected override TextReader InitReader(string fieldName, TextReader reader) => new JapaneseWidthCharFilter(reader);
}
