using Catalog.Tests.Support;

namespace Catalog.Tests.Analysis;

public class AnalyzeVerbTests
{
    private static readonly string Golden = Path.Combine(RepoPaths.Root, "tests", "Catalog.Japanese.Tests", "Golden");

    [Fact]
    public void TheAnalyzeVerbPrintsWhatMecabPrintsForTheGoldenCorpus()
    {
        var output = Analyze(File.ReadAllText(Path.Combine(Golden, "corpus.txt")));
        var expected = File.ReadAllLines(Path.Combine(Golden, "mecab-normal.txt"));
        var actual = output.Split('\n', StringSplitOptions.None);
        Assert.Equal(expected.Length, actual.Length - 1); // the output ends with a newline
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i], $"line {i + 1}: expected '{expected[i]}', got '{actual[i]}'");
    }

    [Fact]
    public void SearchModeKeepsTheCompoundAndItsParts()
    {
        var surfaces = Analyze("関西国際空港\n", "--mode", "search").Split('\n').Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(["関西", "国際", "空港", "EOS", ""], surfaces);
    }

    [Fact]
    public void WithCompoundsSearchModeShowsTheCompoundAfterItsFirstPartWithItsLength()
    {
        var lines = Analyze("関西国際空港に行く\n", "--mode", "search", "--compounds", "yes").Split('\n');
        Assert.Equal("関西国際空港", lines[1].Split('\t')[0]);
        Assert.EndsWith("\tcompound:3", lines[1]);
        Assert.Equal(["関西", "関西国際空港", "国際", "空港", "に", "行く", "EOS", ""], lines.Select(l => l.Split('\t')[0]));
        Assert.DoesNotContain("compound:", lines[0]);
    }

    [Fact]
    public void ABadCompoundsValueIsAClearError()
    {
        var (code, _, stderr) = VerbProcess.RunWithInput(null, "", "analyze", "--compounds", "maybe");
        Assert.Equal(2, code);
        Assert.Contains("--compounds must be yes or no", stderr);
    }

    [Fact]
    public void AnUnknownModeIsAClearError()
    {
        var (code, _, stderr) = VerbProcess.RunWithInput(null, "", "analyze", "--mode", "fast");
        Assert.Equal(2, code);
        Assert.Contains("--mode must be normal, search or extended", stderr);
    }

    private static string Analyze(string input, params string[] args)
    {
        var (code, stdout, stderr) = VerbProcess.RunWithInput(null, input, ["analyze", .. args]);
        Assert.True(code == 0, stderr);
        return stdout;
    }
}
