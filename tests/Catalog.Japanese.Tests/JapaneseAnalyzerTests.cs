using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Util;

namespace Catalog.Japanese.Tests;

public sealed class JapaneseAnalyzerTests
{
    private static UserDictionary DomainDictionary() =>
        UserDictionary.Load(Path.Combine(AppContext.BaseDirectory, "Golden", "userdict.csv"));

    [Fact]
    public void AnalyzerKeepsContentWordsAsBaseFormsWithOriginalOffsetsAndPositionGaps()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        Assert.Equal(
            [
                new TokenInfo("多く", 0, 2, 1, 1),
                new TokenInfo("学生", 3, 5, 2, 1),
                new TokenInfo("試験", 6, 8, 2, 1),
                new TokenInfo("落ちる", 9, 11, 2, 1),
            ],
            TokenAssert.Tokens(analyzer, "多くの学生が試験に落ちた。"));
    }

    [Fact]
    public void AnalyzerNormalisesWidthStemsKatakanaAndLowerCases()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        var tokens = TokenAssert.Tokens(analyzer, "ＡＢＣのｺｰﾋｰ");
        Assert.Equal([new TokenInfo("abc", 0, 3, 1, 1), new TokenInfo("コーヒ", 4, 8, 2, 1)], tokens);
    }

    [Fact]
    public void KatakanaStemKeepsShortWords()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        Assert.Equal("コピー センタ", TokenAssert.Render(TokenAssert.Tokens(analyzer, "コピーセンター")));
    }

    [Fact]
    public void UserDictionaryWordsWinAndAreEmittedAsTheirSegmentsOnlyAsKuromojiDoes()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48, DomainDictionary());
        var tokens = TokenAssert.Tokens(analyzer, "デジタル田園都市国家構想を推進");
        Assert.Equal("デジタル 田園 都市 国家 構想 推進", TokenAssert.Render(tokens));
        Assert.Equal(new TokenInfo("田園", 4, 6, 1, 1), tokens[1]);
    }

    [Fact]
    public void UserDictionaryWordsAreNotDecompoundedInNormalModeEither()
    {
        var user = DomainDictionary();
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("公民連携の伴走支援"), user, JapaneseTokenizerMode.Normal));
        Assert.Equal("公民 連携 の 伴走 支援", TokenAssert.Render(tokens));
    }

    [Fact]
    public void ReadingFormFilterTurnsTermsIntoKatakanaReadings()
    {
        var tokenizer = new JapaneseTokenizer(new StringReader("多くの学生が試験に落ちた。"), null, JapaneseTokenizerMode.Normal);
        var tokens = TokenAssert.Tokens(new JapaneseReadingFormFilter(tokenizer));
        Assert.Equal("オオク ノ ガクセイ ガ シケン ニ オチ タ", TokenAssert.Render(tokens));
    }

    [Fact]
    public void ReadingFormFilterLetsAKanaQueryMatchKanjiText()
    {
        // Segmentation of kana may differ (ガク セイ), so compare the reading sequence, as a phrase query would.
        static string Readings(string text) => string.Concat(TokenAssert.Tokens(
            new JapaneseReadingFormFilter(new JapaneseTokenizer(new StringReader(text), null, JapaneseTokenizerMode.Normal))).Select(t => t.Term));
        Assert.Equal("ガクセイ", Readings("学生"));
        Assert.Equal(Readings("学生"), Readings("がくせい"));
    }

    [Fact]
    public void WidthCharFilterMergesHalfWidthVoicingMarksAndMapsOffsetsBack()
    {
        var filter = new JapaneseWidthCharFilter(new StringReader("ﾃﾞｰﾀﾍﾞｰｽ１"));
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(filter, null, JapaneseTokenizerMode.Normal, discardPunctuation: true));
        Assert.Equal([new TokenInfo("データベース", 0, 8, 1, 1), new TokenInfo("1", 8, 9, 1, 1)], tokens);
    }

    [Fact]
    public void MalformedUserDictionaryLineIsReportedWithItsNumber()
    {
        var e = Assert.Throws<FormatException>(() => UserDictionary.Load(new StringReader("# c\n東京大学,東京 大,トウキョウ ダイガク,名詞")));
        Assert.Contains("line 2", e.Message);
    }
}

public sealed class UserDictionaryTests
{
    [Fact]
    public void LongestUserWordWinsOverAShorterOneAtTheSamePosition()
    {
        var user = UserDictionary.Load(Path.Combine(AppContext.BaseDirectory, "Golden", "userdict.csv"));
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("デジタル田園都市国家構想推進交付金"), user, JapaneseTokenizerMode.Search));
        Assert.Equal("デジタル 田園 都市 国家 構想 推進 交付 金", TokenAssert.Render(tokens));
    }

    [Fact]
    public void MecabFormatPrintsUserWordSegmentsWithTheirReadings()
    {
        var user = UserDictionary.Load(new StringReader("都市OS,都市 OS,トシ オーエス,カスタム名詞"));
        var output = new StringWriter();
        MecabFormat.Write(new StringReader("都市OS"), output, JapaneseTokenizerMode.Normal, JapaneseDictionary.Default, user);
        Assert.Equal("都市\tカスタム名詞,*,*,*,*,*,都市,トシ,トシ\nOS\tカスタム名詞,*,*,*,*,*,OS,オーエス,オーエス\nEOS\n", output.ToString());
    }
}
