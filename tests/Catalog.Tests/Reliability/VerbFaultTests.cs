using Catalog.Tests.Support;

namespace Catalog.Tests.Reliability;

/// <summary>The verbs' faults #13 fixed: help, unknown options, a silent index failure.</summary>
public sealed class VerbFaultTests
{
    [Fact]
    public void HelpPrintsTheVerbsAndExitsInsteadOfStartingTheServer()
    {
        using var data = new TempFolder();
        Assert.False(VerbProcess.KillAfter(data.Path, TimeSpan.FromSeconds(60), "--help"), "--help was still running: it started the server");
        var (code, stdout, _) = VerbProcess.Run(data.Path, "--help");
        Assert.Equal(0, code);
        foreach (var verb in new[] { "import", "export", "reindex", "analyze" }) Assert.Contains(verb, stdout);
    }

    [Theory]
    [InlineData("import", "--overwrite", "--dry-run")] // an unknown option is refused even beside a known flag
    [InlineData("import", "--dryrun")]
    [InlineData("export", "--fromat", "csv")]
    [InlineData("reindex", "--force", "yes")]
    public void EveryVerbRejectsAnOptionItDoesNotKnowByNameAndDoesNothing(string verb, string option, string? next = null)
    {
        using var data = new TempFolder();
        var args = new List<string> { verb, option };
        if (next is not null) args.Add(next);
        if (verb == "import") args.Add(RepoPaths.Seed);

        var (code, _, stderr) = VerbProcess.Run(data.Path, [.. args]);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
        Assert.Equal("", Exported(data.Path)); // nothing was imported
    }

    [Fact]
    public void AnImportWhoseIndexCannotBeBuiltSaysSoAndExitsNonZero()
    {
        using var data = new TempFolder();
        // A file where the next index directory must go: the rebuild cannot create it.
        File.WriteAllText(Path.Combine(data.Path, "index-000001"), "in the way");

        var (code, stdout, stderr) = VerbProcess.Run(data.Path, "import", RepoPaths.Seed);

        Assert.NotEqual(0, code);
        Assert.Contains("Imported", stdout); // the import itself is committed
        Assert.Contains("search index", stderr);
    }

    private static string Exported(string dataPath)
    {
        var (code, stdout, stderr) = VerbProcess.Run(dataPath, "export", "--format", "ndjson");
        Assert.True(code == 0, stderr);
        return stdout.Trim();
    }
}
