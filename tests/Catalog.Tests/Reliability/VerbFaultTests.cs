using System.Net;
using System.Net.Sockets;
using Catalog.Tests.Support;

namespace Catalog.Tests.Reliability;

/// <summary>The verbs' faults #13 and #26 fixed: help, unknown options, a silent index failure, export's files.</summary>
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
    [InlineData("export", "-o", "x.json")] // a short option, not two stray words
    [InlineData("reindex", "now")] // a stray word
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

    [Theory]
    [InlineData("serve", "--bogus", "--urls", "http://127.0.0.1:5099")] // ASP.NET took --urls as the value of --bogus
    [InlineData("--bogus", "--urls", "http://127.0.0.1:5099")] // no verb: the service too
    [InlineData("serve", "-x")]
    [InlineData("serve", "stray")]
    public void TheServiceRefusesAnOptionItDoesNotKnowByNameAndStartsNothing(params string[] args)
    {
        using var data = new TempFolder();

        var result = VerbProcess.RunWithin(data.Path, TimeSpan.FromSeconds(60), args);

        Assert.True(result is not null, "still running after a minute: the service started");
        var (code, _, stderr) = result.Value;
        Assert.Equal(2, code);
        Assert.Equal(args.First(a => a != "serve"), Assert.Single(Lines(stderr)).Split('\'')[1]);
        Assert.False(File.Exists(Path.Combine(data.Path, "catalog.db")), "the service got as far as creating its database");
    }

    [Fact]
    public void TheServiceTakesUrlsAndConfigurationOnTheCommandLine()
    {
        using var data = new TempFolder();
        var port = FreePort();
        var fromArguments = data.Combine("from-arguments");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var listening = false;
        bool Listening()
        {
            try { listening = http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult() is not null; }
            catch (HttpRequestException) { Thread.Sleep(100); }
            catch (TaskCanceledException) { }
            return listening;
        }

        // The environment names one data folder and the command line another: the command line wins.
        VerbProcess.KillWhen(data.Combine("from-environment"), Listening, TimeSpan.Zero,
            "serve", "--urls", $"http://127.0.0.1:{port}", "--Catalog:DataPath", fromArguments, "--Catalog:SeedOnStart=false", "--Catalog:WarmUp:Rounds=0");

        Assert.True(listening, $"nothing answered on port {port}");
        Assert.True(File.Exists(Path.Combine(fromArguments, "catalog.db")));
    }

    [Fact]
    public void AVerbTakesAConfigurationValueAsTheNextWord()
    {
        using var data = new TempFolder();
        var fromArguments = data.Combine("from-arguments");

        var (code, _, stderr) = VerbProcess.Run(data.Combine("from-environment"), "reindex", "--Catalog:DataPath", fromArguments);

        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(fromArguments, "catalog.db")));
        Assert.False(Directory.Exists(data.Combine("from-environment")));
    }

    [Fact]
    public void ExportIntoAFolderThatDoesNotExistSaysSoInOneLineAndWritesNothing()
    {
        using var data = new TempFolder();
        var target = data.Combine("missing-folder", "x.json");

        var (code, stdout, stderr) = VerbProcess.Run(data.Path, "export", "--output", target);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("missing-folder' does not exist", Assert.Single(Lines(stderr)));
        Assert.False(Directory.Exists(data.Combine("missing-folder")));
    }

    [Fact]
    public void ExportTakesTheFormatFromTheFileNameWhenNoneIsGiven()
    {
        using var data = new TempFolder();
        var (workbook, ndjson) = (data.Combine("catalog.xlsx"), data.Combine("catalog.NDJSON"));

        Assert.Equal(0, VerbProcess.Run(data.Path, "export", "--output", workbook).Code);
        Assert.Equal(0, VerbProcess.Run(data.Path, "export", "--output", ndjson).Code);

        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(workbook)[..2]); // a zip package, not JSON
        Assert.Equal(VerbProcess.Run(data.Path, "export", "--format", "ndjson").Stdout, File.ReadAllText(ndjson));
    }

    [Theory]
    [InlineData("x.xlsx", "json")]
    [InlineData("x.json", "xlsx")]
    [InlineData("x.ndjson", "json")]
    [InlineData("x.csv", null)] // the verb writes no CSV; JSON must not go under that name either
    public void ExportRefusesAFormatTheFileNameContradictsInOneLineAndWritesNothing(string file, string? format)
    {
        using var data = new TempFolder();
        var target = data.Combine(file);
        List<string> args = ["export", "--output", target];
        if (format is not null) args.AddRange(["--format", format]);

        var (code, _, stderr) = VerbProcess.Run(data.Path, [.. args]);

        Assert.Equal(1, code);
        Assert.Contains(file, Assert.Single(Lines(stderr)));
        Assert.Empty(Directory.GetFiles(data.Path, "x.*"));
    }

    [Fact]
    public void AnImportWhoseIndexCannotBeBuiltSaysSoAndExitsNonZero()
    {
        using var data = new TempFolder();
        // A file where the next index directory must go: the rebuild cannot create it.
        File.WriteAllText(Path.Combine(data.Path, "index-000001"), "in the way");
        // Any input the index would hold does; a few records cost less than the seed.
        var input = Path.Combine(Path.GetTempPath(), $"catalog-test-{Guid.NewGuid():N}.ndjson");
        Catalog.Benchmarks.SyntheticCatalogue.WriteNdjson(input, 3);

        var (code, stdout, stderr) = VerbProcess.Run(data.Path, "import", input);
        File.Delete(input);

        Assert.NotEqual(0, code);
        Assert.Contains("Imported", stdout); // the import itself is committed
        Assert.Contains("search index", stderr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Exported(string dataPath)
    {
        var (code, stdout, stderr) = VerbProcess.Run(dataPath, "export", "--format", "ndjson");
        Assert.True(code == 0, stderr);
        return stdout.Trim();
    }
}
