using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tests;

public sealed class JapaneseTokenizerTests
{
    private static string Analyze(string text, JapaneseTokenizerMode mode, UserDictionary? user = null) =>
        TokenAssert.Render(TokenAssert.Tokens(new JapaneseTokenizer(new StringReader(text), user, mode, discardPunctuation: true)));

    [Theory]
    [InlineData("関西国際空港", "関西 関西国際空港/0 国際 空港")]
    [InlineData("成田空港", "成田 成田空港/0 空港")]
    [InlineData("東京大学", "東京 東京大学/0 大学")]
    [InlineData("シニアソフトウェアエンジニア", "シニア シニアソフトウェアエンジニア/0 ソフトウェア エンジニア")]
    [InlineData("ソフトウェアエンジニア", "ソフトウェア エンジニア")]
    [InlineData("ハリーポッター", "ハリーポッター")]
    [InlineData("株式会社とアカデミア", "株式 株式会社/0 会社 と アカデミア")]
    public void SearchModeDecompoundsLongWordsAndKeepsTheCompound(string text, string expected) =>
        Assert.Equal(expected, Analyze(text, JapaneseTokenizerMode.Search));

    [Fact]
    public void NormalModeKeepsCompoundsWhole() =>
        Assert.Equal("株式会社 と アカデミア", Analyze("株式会社とアカデミア", JapaneseTokenizerMode.Normal));

    [Fact]
    public void CompoundTokenSpansItsPartsWithPositionLength()
    {
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("関西国際空港"), null, JapaneseTokenizerMode.Search));
        Assert.Equal(
            [
                new TokenInfo("関西", 0, 2, 1, 1),
                new TokenInfo("関西国際空港", 0, 6, 0, 3),
                new TokenInfo("国際", 2, 4, 1, 1),
                new TokenInfo("空港", 4, 6, 1, 1),
            ],
            tokens);
    }

    [Fact]
    public void ExtendedModeSplitsUnknownWordsIntoUnigramsKeepingSurrogatePairs() =>
        Assert.Equal("𠮷 𠮷 ｱ", Analyze("𠮷𠮷ｱ", JapaneseTokenizerMode.Extended));

    [Fact]
    public void TokensCarryPartOfSpeechBaseFormReadingAndInflection()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("落ちた"), null, JapaneseTokenizerMode.Normal);
        var pos = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        var baseForm = tokenizer.AddAttribute<IBaseFormAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        var inflection = tokenizer.AddAttribute<IInflectionAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("動詞-自立", pos.PartOfSpeech);
        Assert.Equal("落ちる", baseForm.BaseForm);
        Assert.Equal("オチ", reading.Reading);
        Assert.Equal("オチ", reading.Pronunciation);
        Assert.Equal("一段", inflection.InflectionType);
        Assert.Equal("連用形", inflection.InflectionForm);
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("助動詞", pos.PartOfSpeech);
        Assert.False(tokenizer.IncrementToken());
        tokenizer.End();
    }

    [Fact]
    public void SearchModeKeepsAnUnknownKatakanaRunWhole() =>
        Assert.Equal("プリファレンスファイル を 編集", Analyze("プリファレンスファイルを編集", JapaneseTokenizerMode.Search));

    [Fact]
    public void SearchModeGroupsARunOfUnknownPunctuationIntoOneToken()
    {
        // Kuromoji's unknown word: the run of one character class with the same punctuation-ness.
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("情報￥Web3。―［＜"), null, JapaneseTokenizerMode.Search, discardPunctuation: false));
        Assert.Equal("情報 ￥ Web 3 。―［＜", TokenAssert.Render(tokens));
    }

    [Fact]
    public void SearchModeMakesSpacesAndLineBreaksTokensThatPunctuationDiscardingDrops()
    {
        var kept = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("東京 \n大阪"), null, JapaneseTokenizerMode.Search, discardPunctuation: false));
        Assert.Equal([new TokenInfo("東京", 0, 2, 1, 1), new TokenInfo(" \n", 2, 4, 1, 1), new TokenInfo("大阪", 4, 6, 1, 1)], kept);
        Assert.Equal("東京 大阪", Analyze("東京 \n大阪", JapaneseTokenizerMode.Search));
    }

    [Fact]
    public void SearchModeAttributesFollowKuromoji()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("東京でテストケースを"), null, JapaneseTokenizerMode.Search);
        var baseForm = tokenizer.AddAttribute<IBaseFormAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        var pos = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Null(baseForm.BaseForm); // Kuromoji has no base form where it equals the surface
        Assert.Equal("トウキョウ", reading.Reading);
        tokenizer.End();
    }

    [Fact]
    public void ExtendedModeUnigramsAreKuromojisNgramWord()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("ｱｲｳ"), null, JapaneseTokenizerMode.Extended);
        var pos = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("記号-一般", pos.PartOfSpeech);
        tokenizer.End();
    }

    [Fact]
    public void LinesAreAnalysedSeparatelyWithOffsetsIntoTheWholeText()
    {
        var tokens = TokenAssert.Tokens(new JapaneseTokenizer(new StringReader("東京\n大阪"), null, JapaneseTokenizerMode.Normal));
        Assert.Equal([new TokenInfo("東京", 0, 2, 1, 1), new TokenInfo("大阪", 3, 5, 1, 1)], tokens);
    }
}
