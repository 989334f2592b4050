using System.IO.Compression;
using System.Text;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis.TokenAttributes;
using Xunit.Abstractions;

namespace Catalog.Japanese.Tests;

/// <summary>
/// Golden/kuromoji-corpus.txt analysed by Lucene 4.10.4's own Kuromoji JapaneseTokenizer
/// (tests/kuromoji-oracle/generate.sh); each golden file holds, per corpus line, every token with
/// its offsets, position increment and length, part of speech, base form, reading, pronunciation
/// and inflection. Our tokenizer must give the same lines, attributes included.
/// </summary>
public sealed class KuromojiParityTests(ITestOutputHelper output)
{
    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Theory]
    [InlineData("kuromoji-search.tsv.gz", JapaneseTokenizerMode.Search, false, false)]
    [InlineData("kuromoji-extended.tsv.gz", JapaneseTokenizerMode.Extended, false, false)]
    [InlineData("kuromoji-search-discard.tsv.gz", JapaneseTokenizerMode.Search, true, false)]
    [InlineData("kuromoji-extended-discard.tsv.gz", JapaneseTokenizerMode.Extended, true, false)]
    [InlineData("kuromoji-search-userdict.tsv.gz", JapaneseTokenizerMode.Search, false, true)]
    public void SearchModesReproduceLuceneKuromojiLineForLine(string golden, JapaneseTokenizerMode mode, bool discardPunctuation, bool userDictionary)
    {
        var corpus = File.ReadAllLines(GoldenPath("kuromoji-corpus.txt"), Encoding.UTF8);
        var expected = ReadGolden(GoldenPath(golden));
        Assert.Equal(corpus.Length, expected.Count);
        var user = userDictionary ? UserDictionary.Load(GoldenPath("userdict.csv")) : null;

        int identical = 0, tokens = 0;
        var report = new StringBuilder();
        for (int i = 0; i < corpus.Length; i++)
        {
            var actual = Analyze(corpus[i].Replace("\\n", "\n", StringComparison.Ordinal), mode, discardPunctuation, user);
            tokens += expected[i].Count;
            if (expected[i].SequenceEqual(actual))
            {
                identical++;
            }
            else if (report.Length < 200_000)
            {
                report.AppendLine($"line {i + 1}: {corpus[i]}");
                report.AppendLine("  kuromoji: " + string.Join(" | ", expected[i]));
                report.AppendLine("  ours:     " + string.Join(" | ", actual));
            }
        }
        string summary = $"{golden}: {identical}/{corpus.Length} lines identical ({tokens} oracle tokens)";
        output.WriteLine(summary);
        output.WriteLine(report.ToString());
        Assert.True(identical == corpus.Length, summary + "\n" + report);
    }

    private static List<string> Analyze(string text, JapaneseTokenizerMode mode, bool discardPunctuation, UserDictionary? user)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), JapaneseDictionary.Default, user, mode, discardPunctuation);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        var increment = tokenizer.AddAttribute<IPositionIncrementAttribute>();
        var length = tokenizer.AddAttribute<IPositionLengthAttribute>();
        var pos = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        var baseForm = tokenizer.AddAttribute<IBaseFormAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        var inflection = tokenizer.AddAttribute<IInflectionAttribute>();
        var lines = new List<string>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            lines.Add(string.Join('\t',
                Escape(term.ToString()), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength,
                Escape(pos.PartOfSpeech), Escape(baseForm.BaseForm), Escape(reading.Reading), Escape(reading.Pronunciation),
                Escape(inflection.InflectionType), Escape(inflection.InflectionForm)));
        }
        tokenizer.End();
        return lines;
    }

    // As the oracle writes them: null as "", and tabs and line breaks escaped.
    private static string Escape(string? s) =>
        s is null ? "" : s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static List<List<string>> ReadGolden(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var documents = new List<List<string>>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            // "#n" opens document n; token lines always contain tabs.
            if (line.StartsWith('#') && !line.Contains('\t', StringComparison.Ordinal))
            {
                documents.Add([]);
            }
            else
            {
                documents[^1].Add(line);
            }
        }
        return documents;
    }
}
