using System.Text;
using Catalog.Core;
using Catalog.Core.Changes;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Catalog.Tests.Support;
using Dapper;

namespace Catalog.Tests.Changes;

/// <summary>A store, importer and revision log over their own database in a temp folder.</summary>
internal sealed class HistoryStore : IDisposable
{
    public HistoryStore()
    {
        Database = new CatalogDatabase(new CatalogOptions { DataPath = Folder.Combine("data") });
        Database.Migrate();
        Store = new ProgramStore(Database);
        Importer = new CatalogImporter(Store);
        Log = new RevisionLog(Database);
    }

    public TempFolder Folder { get; } = new();
    public CatalogDatabase Database { get; }
    public ProgramStore Store { get; }
    public CatalogImporter Importer { get; }
    public RevisionLog Log { get; }

    public ImportResult Import(string path, bool replace = false, bool dryRun = false)
    {
        var result = Importer.Import(path, new ImportOptions { Replace = replace, DryRun = dryRun });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    public string Export()
    {
        using var ms = new MemoryStream();
        ProgramExporter.WriteJsonAsync(Store.ReadAll(), ms).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public long Scalar(string sql)
    {
        using var c = Database.Open();
        return c.ExecuteScalar<long>(sql);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}

public class RevisionTests
{
    [Fact]
    public void ImportingTheSeedMakesOneRevisionAndImportingItAgainMakesNone()
    {
        using var h = new HistoryStore();
        var first = h.Import(RepoPaths.Seed);
        Assert.Equal(1, first.Commit!.Revision);
        var again = h.Import(RepoPaths.Seed);
        Assert.Null(again.Commit!.Revision);
        Assert.Empty(again.Commit.Changes);
        var only = Assert.Single(h.Log.Revisions());
        Assert.Equal(RevisionKinds.Import, only.Kind);
        Assert.Equal(Path.GetFullPath(RepoPaths.Seed), only.Source);
        Assert.Matches("^[0-9a-f]{64}$", only.Sha256!);
        Assert.Equal((int)h.Store.Count(), only.Added);
    }

    [Fact]
    public void AnEditedCopyImportedWithReplaceRecordsExactlyTheMovedDeadlineTheNewProgramTheRemovedProgramAndTheChangedCap()
    {
        using var h = new HistoryStore();
        using var edited = new EditedSeed();
        h.Import(RepoPaths.Seed);
        var result = h.Import(edited.Path, replace: true);

        Assert.Equal(2, result.Commit!.Revision);
        Assert.Equal(new ImportCounts(1, 2, (int)h.Store.Count() - 1 - 2, 1), result.Counts);
        var changes = h.Log.Changes(new ChangeQuery { Since = null, Limit = 100 }).Items.Where(e => e.Revision.Number == 2).Select(e => e.Change).ToList();
        Assert.Equal(
            new[] { (edited.CapId, ChangeTypes.Changed), (edited.DeadlineId, ChangeTypes.Changed), (edited.RemovedId, ChangeTypes.Removed), (EditedSeed.NewId, ChangeTypes.Added) }
                .OrderBy(x => x.Item1, StringComparer.Ordinal),
            changes.Select(c => (c.Key, c.Change)));
        Assert.All(changes, c => Assert.Equal(EntityKinds.Program, c.Kind));

        // The deadline, and the quote edited with it.
        var deadlineFields = changes.Single(c => c.Key == edited.DeadlineId).Fields;
        Assert.Equal(["windows[0].end", edited.DeadlineQuotePath], deadlineFields.Select(f => f.Path));
        var deadline = deadlineFields[0];
        Assert.Equal("2020-07-31T23:59:59+09:00", deadline.Before!.GetValue<string>());
        Assert.Equal("2020-08-14T23:59:59+09:00", deadline.After!.GetValue<string>());

        var cap = changes.Single(c => c.Key == edited.CapId).Fields;
        Assert.Equal(["caps[0].text", "caps[0].amountYen", edited.CapQuotePath], cap.Select(f => f.Path));
        Assert.Equal(edited.CapBefore, cap[0].Before!.GetValue<string>());
        Assert.Equal(220_000_000, cap[1].After!.GetValue<long>());

        Assert.Null(h.Store.Find(edited.RemovedId));
        Assert.Equal(EditedSeed.NewName, h.Store.Find(EditedSeed.NewId)!.Name);
        var removed = changes.Single(c => c.Key == edited.RemovedId);
        Assert.Null(removed.AfterJson);
        Assert.False(string.IsNullOrEmpty(removed.Label)); // the name it had, for the feeds
    }

    [Fact]
    public void WithoutReplaceAnImportRemovesNothing()
    {
        using var h = new HistoryStore();
        using var edited = new EditedSeed();
        h.Import(RepoPaths.Seed);
        var result = h.Import(edited.Path);
        Assert.Equal(0, result.Counts.Removed);
        Assert.NotNull(h.Store.Find(edited.RemovedId));
        Assert.DoesNotContain(result.Commit!.Changes, c => c.Change == ChangeTypes.Removed);
        Assert.Equal(3, result.Commit.Changes.Count);
    }

    [Fact]
    public void ADryRunWorksOutTheChangesAndWritesNothing()
    {
        using var h = new HistoryStore();
        using var edited = new EditedSeed();
        h.Import(RepoPaths.Seed);
        var before = h.Export();
        var runs = h.Scalar("SELECT count(*) FROM import_runs;");

        var dry = h.Import(edited.Path, replace: true, dryRun: true);
        Assert.Null(dry.Commit!.Revision);
        Assert.Equal(4, dry.Commit.Changes.Count);
        Assert.Equal(before, h.Export());
        Assert.Single(h.Log.Revisions());
        Assert.Equal(runs, h.Scalar("SELECT count(*) FROM import_runs;"));
        Assert.Equal(1, h.Scalar("SELECT count(DISTINCT revision_id) FROM revision_changes;"));
    }

    [Fact]
    public void RevertRestoresTheExportOfAnEarlierRevisionByteForByteAsANewRevision()
    {
        using var h = new HistoryStore();
        using var edited = new EditedSeed();
        h.Import(RepoPaths.Seed);
        var first = h.Export();
        h.Import(edited.Path, replace: true);
        var second = h.Export();
        Assert.NotEqual(first, second);

        var revert = h.Store.Revert(1, h.Log.StateAt(1));
        Assert.Equal(3, revert.Revision);
        Assert.Equal(first, h.Export());
        var latest = h.Log.Latest()!;
        Assert.Equal((RevisionKinds.Revert, 1L, 1, 2, 1), (latest.Kind, latest.RevertedTo!.Value, latest.Added, latest.Changed, latest.Removed));

        // History is never rewritten: revision 2 is still there and can be returned to.
        h.Store.Revert(2, h.Log.StateAt(2));
        Assert.Equal(second, h.Export());
        Assert.Equal(4, h.Log.Latest()!.Number);
        Assert.Null(h.Store.Revert(2, h.Log.StateAt(2)).Revision);
    }

    [Fact]
    public void AdoptionRowsAreCoveredLikePrograms()
    {
        using var h = new HistoryStore();
        using var edited = new EditedSeed();
        h.Import(RepoPaths.Seed);
        var first = h.Export();
        var table = Directory.GetFiles(edited.Folder.Combine("adoptions"), "*.json").Order(StringComparer.Ordinal).First();
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(table))!;
        var rows = doc["adoptions"]!.AsArray();
        var removedRow = rows[0]!.DeepClone();
        rows.RemoveAt(0);
        rows[0]!["note"] = "試験用の注記";
        File.WriteAllText(table, doc.ToJsonString());

        var result = h.Import(edited.Path, replace: true);
        var adoptions = result.Commit!.Changes.Where(c => c.Kind == EntityKinds.Adoption).ToList();
        Assert.Equal(2, adoptions.Count);
        Assert.Contains(adoptions, c => c.Change == ChangeTypes.Removed && c.ProgramId == removedRow["programId"]!.GetValue<string>()
            && c.Label.Contains(removedRow["municipality"]!.GetValue<string>(), StringComparison.Ordinal));
        var changed = Assert.Single(adoptions, c => c.Change == ChangeTypes.Changed);
        Assert.Equal("note", Assert.Single(changed.Fields).Path);

        h.Store.Revert(1, h.Log.StateAt(1));
        Assert.Equal(first, h.Export());
    }

    [Fact]
    public void AOneFieldChangeStoresOneRowHoweverLargeTheCatalogue()
    {
        using var h = new HistoryStore();
        var programs = Catalog.Benchmarks.SyntheticCatalogue.Generate(2_000).ToList();
        h.Store.Upsert(programs, [], "synthetic");
        var edited = Catalog.Benchmarks.SyntheticCatalogue.Generate(2_000).Skip(700).First();
        edited.Summary += "（改訂）";
        var result = h.Store.Write([edited], [], new RevisionInput(RevisionKinds.Import, "one.json"));

        Assert.Equal(1, h.Scalar($"SELECT count(*) FROM revision_changes WHERE revision_id = {result.Commit.Revision};"));
        var field = Assert.Single(Assert.Single(result.Commit.Changes).Fields);
        Assert.Equal("summary", field.Path);
    }

    [Fact]
    public void ACatalogueFromBeforeHistoryBecomesABaselineRevisionThatRevertCanReach()
    {
        using var h = new HistoryStore();
        h.Import(RepoPaths.Seed);
        var first = h.Export();
        // As a database made before revisions were kept: the catalogue, and no history of it.
        using (var c = h.Database.Open()) c.Execute("DELETE FROM revision_changes; DELETE FROM revisions;");
        using var edited = new EditedSeed();
        h.Import(edited.Path, replace: true);

        var revisions = h.Log.Revisions();
        Assert.Equal([RevisionKinds.Replace, RevisionKinds.Baseline], revisions.Select(r => r.Kind));
        h.Store.Revert(revisions[1].Number, h.Log.StateAt(revisions[1].Number));
        Assert.Equal(first, h.Export());
    }

    [Fact]
    public void FieldLabelsReadInJapaneseAndEnglish()
    {
        Assert.Equal("募集期間1・締切", FieldLabels.Japanese("windows[0].end"));
        Assert.Equal("application window 1 · deadline", FieldLabels.English("windows[0].end"));
        Assert.Equal("上限額2・金額（円）", FieldLabels.Japanese("caps[1].amountYen"));
        Assert.Equal("概要", FieldLabels.Japanese("summary"));
    }
}
