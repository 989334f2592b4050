using System.Text;
using Catalog.Japanese;
using Xunit.Abstractions;

namespace Catalog.Japanese.Tests;

/// <summary>
/// Golden/corpus.txt is the seed documents' text plus varied lines of our own;
/// Golden/mecab-normal.txt is `mecab -d /var/lib/mecab/dic/ipadic-utf8 &lt; corpus.txt`, generated once.
/// </summary>
public sealed class GoldenCorpusTests(ITestOutputHelper output)
{
    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Fact]
    public void NormalModeReproducesMecabTokenForToken()
    {
        using var input = new StreamReader(GoldenPath("corpus.txt"));
        var actual = new StringWriter();
        MecabFormat.Write(input, actual, JapaneseTokenizerMode.Normal);

        var expectedSentences = SplitSentences(File.ReadAllText(GoldenPath("mecab-normal.txt")));
        var actualSentences = SplitSentences(actual.ToString());
        Assert.Equal(expectedSentences.Count, actualSentences.Count);

        int tokens = 0, matchingTokens = 0, matchingLines = 0;
        var report = new StringBuilder();
        for (int i = 0; i < expectedSentences.Count; i++)
        {
            var expected = expectedSentences[i];
            var got = actualSentences[i];
            tokens += expected.Count;
            matchingTokens += expected.Intersect(got).Count() == 0 ? 0 : CountAligned(expected, got);
            if (expected.SequenceEqual(got))
            {
                matchingLines++;
            }
            else if (report.Length < 20_000)
            {
                report.AppendLine($"line {i + 1}:");
                report.AppendLine("  mecab: " + string.Join(" | ", expected));
                report.AppendLine("  ours:  " + string.Join(" | ", got));
            }
        }
        output.WriteLine($"tokens {matchingTokens}/{tokens}, lines {matchingLines}/{expectedSentences.Count}");
        output.WriteLine(report.ToString());
        Assert.True(report.Length == 0, $"tokens {matchingTokens}/{tokens}, lines {matchingLines}/{expectedSentences.Count}\n{report}");
    }

    /// <summary>Tokens of <paramref name="got"/> equal to the expected token at the same character offset.</summary>
    private static int CountAligned(List<string> expected, List<string> got)
    {
        var at = new Dictionary<(int, string), int>();
        int offset = 0;
        foreach (var e in expected)
        {
            at[(offset, e)] = 1;
            offset += e.Split('\t')[0].Length;
        }
        int matches = 0;
        offset = 0;
        foreach (var g in got)
        {
            if (at.ContainsKey((offset, g)))
            {
                matches++;
            }
            offset += g.Split('\t')[0].Length;
        }
        return matches;
    }

    private static List<List<string>> SplitSentences(string text)
    {
        var sentences = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line == "EOS")
            {
                sentences.Add(current);
                current = [];
            }
            else if (line.Length > 0)
            {
                current.Add(line);
            }
        }
        return sentences;
    }
}
