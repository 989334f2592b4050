using System.Diagnostics;
using System.Text;
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
    public void AnUnknownModeIsAClearError()
    {
        var (code, _, stderr) = Run("", "--mode", "fast");
        Assert.Equal(2, code);
        Assert.Contains("--mode must be normal, search or extended", stderr);
    }

    private static string Analyze(string input, params string[] args)
    {
        var (code, stdout, stderr) = Run(input, args);
        Assert.True(code == 0, stderr);
        return stdout;
    }

    private static (int Code, string Stdout, string Stderr) Run(string input, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Catalog.Api.dll"));
        psi.ArgumentList.Add("analyze");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
