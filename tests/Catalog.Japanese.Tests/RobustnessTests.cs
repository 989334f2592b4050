using System.Text;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Util;

namespace Catalog.Japanese.Tests;

public sealed class RobustnessTests
{
    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            switch (random.Next(10))
            {
                case 0: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF) is var c && c is >= 0xD800 and <= 0xDFFF ? 0x20000 : c)); break;
                case 1: sb.Append((char)random.Next(0, 0x20)); break; // control characters, tabs, line breaks
                case 2: sb.Append((char)random.Next(0x300, 0x370)); break; // combining marks
                case 3: sb.Append((char)random.Next(0xD800, 0xE000)); break; // lone surrogates
                case 4: sb.Append((char)random.Next(0x3040, 0x3100)); break; // kana
                case 5: sb.Append((char)random.Next(0x4E00, 0x9FA6)); break; // kanji
                case 6: sb.Append((char)random.Next(0xFF00, 0xFFF0)); break; // half/full width
                case 7: sb.Append(' '); break;
                case 8: sb.Append("東京都の学生が"); break;
                default: sb.Append((char)random.Next(0, 0x10000)); break;
            }
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData(JapaneseTokenizerMode.Normal)]
    [InlineData(JapaneseTokenizerMode.Search)]
    [InlineData(JapaneseTokenizerMode.Extended)]
    public void RandomInputNeverThrowsAndOffsetsStayWithinTheInput(JapaneseTokenizerMode mode)
    {
        var random = new Random(20240601 + (int)mode);
        var user = UserDictionary.Load(new StringReader("東京都,東京 都,トウキョウ ト,地名"));
        for (int i = 0; i < 200; i++)
        {
            string text = RandomText(random, i == 0 ? 0 : random.Next(1, i % 50 == 0 ? 20_000 : 200));
            foreach (var t in TokenAssert.Tokens(new JapaneseTokenizer(new StringReader(text), user, mode, discardPunctuation: i % 2 == 0)))
            {
                Assert.InRange(t.Start, 0, text.Length);
                Assert.InRange(t.End, t.Start, text.Length);
                Assert.NotEmpty(t.Term);
            }
            var output = new StringWriter();
            MecabFormat.Write(new StringReader(text), output, mode);
        }
    }

    [Fact]
    public void AnalyzerHandlesRandomInputAndAVeryLongLine()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        var random = new Random(7);
        string text = RandomText(random, 5_000) + string.Concat(Enumerable.Repeat("あ", 50_000)) + string.Concat(Enumerable.Repeat("x", 30_000));
        foreach (var t in TokenAssert.Tokens(analyzer, text))
        {
            Assert.InRange(t.End, t.Start, text.Length);
        }
    }

    [Fact]
    public void EmptyAndBlankLinesGiveOnlyEosButAnIdeographicSpaceIsAToken()
    {
        // As mecab: half-width spaces and tabs are skipped; U+3000 is a dictionary word (記号,空白).
        var output = new StringWriter();
        MecabFormat.Write(new StringReader("\n \t\n　\n"), output);
        Assert.Equal("EOS\nEOS\n　\t記号,空白,*,*,*,*,　,　,　\nEOS\n", output.ToString());
    }
}
