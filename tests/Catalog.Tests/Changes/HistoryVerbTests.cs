using Catalog.Benchmarks;
using Catalog.Tests.Support;

namespace Catalog.Tests.Changes;

/// <summary>The history verbs run as the staff run them: child processes over one data folder.</summary>
public class HistoryVerbTests
{
    [Fact]
    public async Task DryRunPrintsTheChangesWithJapaneseAndEnglishLabelsAndWritesNothing()
    {
        using var data = new TempFolder();
        await SeededCatalogue.CopyIntoAsync(data.Path); // the seed as revision 1, imported once per test process
        using var edited = new EditedSeed();
        var export = VerbProcess.Run(data.Path, "export").Stdout;

        var (code, stdout, stderr) = VerbProcess.Run(data.Path, "import", "--dry-run", "--replace", edited.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("Dry run: nothing was written", stdout);
        Assert.Contains("1 program(s) added, 2 changed, 1 removed", stdout);
        Assert.Contains($"+ {EditedSeed.NewId}  {EditedSeed.NewName}  — 新規掲載 / new program", stdout);
        Assert.Contains($"- {edited.RemovedId}", stdout);
        Assert.Contains("掲載終了 / program removed", stdout);
        Assert.Contains($"募集期間1・締切 / application window 1 · deadline [windows[0].end]: 2020-07-31T23:59:59+09:00 → 2020-08-14T23:59:59+09:00", stdout);
        Assert.Contains($"上限額1・表記 / cap 1 · text [caps[0].text]: {edited.CapBefore} → {EditedSeed.NewCap}", stdout);

        Assert.Equal(export, VerbProcess.Run(data.Path, "export").Stdout);
        var history = VerbProcess.Run(data.Path, "history").Stdout;
        Assert.Contains("revision 1 ", history);
        Assert.DoesNotContain("revision 2 ", history);
    }

    [Fact]
    public async Task RevertRestoresTheFirstExportByteForByteAndHistoryListsEveryRevision()
    {
        using var data = new TempFolder();
        await SeededCatalogue.CopyIntoAsync(data.Path);
        using var edited = new EditedSeed();
        var first = VerbProcess.Run(data.Path, "export").Stdout;
        var replace = VerbProcess.Run(data.Path, "import", "--replace", edited.Path);
        Assert.True(replace.Code == 0, replace.Stderr);
        Assert.Contains("1 removed", replace.Stdout);
        Assert.Contains("Revision 2.", replace.Stdout);
        Assert.NotEqual(first, VerbProcess.Run(data.Path, "export").Stdout);

        var revert = VerbProcess.Run(data.Path, "revert", "--to", "1");
        Assert.True(revert.Code == 0, revert.Stderr);
        Assert.Contains("Reverted to revision 1 as revision 3", revert.Stdout);
        Assert.Equal(first, VerbProcess.Run(data.Path, "export").Stdout);

        var history = VerbProcess.Run(data.Path, "history").Stdout;
        Assert.Matches(@"revision 3 .* revert to revision 1", history);
        Assert.Matches(@"revision 2 .* replace .*\(sha256 [0-9a-f]{64}\)", history);
        Assert.True(history.IndexOf("revision 3 ", StringComparison.Ordinal) < history.IndexOf("revision 2 ", StringComparison.Ordinal));

        var one = VerbProcess.Run(data.Path, "history", "--program", edited.DeadlineId).Stdout;
        Assert.Contains("revision 3 ", one);
        Assert.Contains("revision 2 ", one);
        Assert.DoesNotContain(edited.CapId, one);
        Assert.Contains("[windows[0].end]: 2020-08-14T23:59:59+09:00 → 2020-07-31T23:59:59+09:00", one);

        var future = VerbProcess.Run(data.Path, "history", "--since", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"));
        Assert.Equal("No revisions.", future.Stdout.Trim());
    }

    [Theory]
    [InlineData("9", "there is no revision 9; the latest is 1")]
    [InlineData("x", "revert needs --to N")]
    public void RevertToARevisionThatDoesNotExistIsAClearError(string to, string message)
    {
        using var data = new TempFolder();
        // One revision is all the error needs; a small import makes it (the seed's would cost seconds).
        var input = data.Combine("one.ndjson");
        SyntheticCatalogue.WriteNdjson(input, 3);
        Assert.Equal(0, VerbProcess.Run(data.Combine("data"), "import", input).Code);
        var (code, _, stderr) = VerbProcess.Run(data.Combine("data"), "revert", "--to", to);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }
}
