using System.Text.Json;
using Catalog.Core.Changes;
using Catalog.Core.Programs;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Core.Store;

/// <summary>Reads and writes program records (with their adoptions) in the catalogue database.</summary>
public sealed class ProgramStore(CatalogDatabase database)
{
    public long Count()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM programs;");
    }

    /// <summary>Id of the latest import run (0 before any): derived data built from an older run is stale.</summary>
    public long LastImportRunId()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>("SELECT max(id) FROM import_runs;") ?? 0;
    }

    /// <summary>Every program with its adoptions, ordered by id.</summary>
    public IReadOnlyList<ProgramRecord> ReadAll()
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: true); // one snapshot for both tables
        const string programsSql = """
            SELECT id, record_json FROM programs ORDER BY id;
            """;
        const string adoptionsSql = """
            SELECT program_id, record_json FROM adoptions
            ORDER BY program_id, fiscal_year, prefecture, municipality, title;
            """;
        var programs = connection.Query<(string Id, string Json)>(programsSql, transaction: tx)
            .Select(r => Deserialize(r.Json)).ToList();
        var adoptions = connection.Query<(string ProgramId, string Json)>(adoptionsSql, transaction: tx)
            .ToLookup(r => r.ProgramId, r => JsonSerializer.Deserialize<Adoption>(r.Json, ProgramJson.Compact)!);
        foreach (var p in programs) p.Adoptions = adoptions[p.Id].ToList();
        return programs;
    }

    public ProgramRecord? Find(string id)
    {
        using var connection = database.Open();
        return Find(connection, null, id);
    }

    /// <summary>
    /// A program with what its detail shows beside it: the names of the programs it relates to and
    /// the other records of its family (years and menus, without adoptions). One connection and one
    /// snapshot, so an import between the reads cannot pair a record with another revision's family.
    /// </summary>
    public ProgramWithRelations? FindWithRelations(string id)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: true);
        var program = Find(connection, tx, id);
        if (program is null) return null;
        const string namesSql = """
            SELECT id, name FROM programs WHERE id IN @ids;
            """;
        const string familySql = """
            SELECT record_json FROM programs WHERE family_key = @familyKey AND id <> @id ORDER BY id;
            """;
        var names = program.Related.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : connection.Query<(string Id, string Name)>(namesSql, new { ids = program.Related.Select(r => r.Id).Distinct().ToArray() }, tx)
                .ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var family = connection.Query<string>(familySql, new { familyKey = program.FamilyKey, id }, tx).Select(Deserialize).ToList();
        return new ProgramWithRelations(program, names, family);
    }

    private static ProgramRecord? Find(SqliteConnection connection, SqliteTransaction? tx, string id)
    {
        const string programSql = """
            SELECT record_json FROM programs WHERE id = @id;
            """;
        const string adoptionsSql = """
            SELECT record_json FROM adoptions WHERE program_id = @id
            ORDER BY fiscal_year, prefecture, municipality, title;
            """;
        var json = connection.QuerySingleOrDefault<string>(programSql, new { id }, tx);
        if (json is null) return null;
        var program = Deserialize(json);
        program.Adoptions = connection.Query<string>(adoptionsSql, new { id }, tx)
            .Select(a => JsonSerializer.Deserialize<Adoption>(a, ProgramJson.Compact)!).ToList();
        return program;
    }

    public IReadOnlySet<string> Ids()
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT id FROM programs;").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes programs and adoption rows in one transaction. A program given whole replaces its
    /// adoptions with the ones given for it; adoption rows given alone are added to their program.
    /// </summary>
    public ImportCounts Upsert(IReadOnlyList<ProgramRecord> programs, IReadOnlyList<Adoption> looseAdoptions, string source,
        Action<SqliteConnection, SqliteTransaction>? alongside = null) =>
        Write(programs, looseAdoptions, new RevisionInput(RevisionKinds.Write, source), alongside: alongside).Counts;

    /// <summary>
    /// Writes programs and adoption rows as one revision (none when nothing changes). With
    /// <paramref name="replace"/> the input is the whole catalogue and whatever it lacks is removed;
    /// with <paramref name="dryRun"/> the changes are worked out and nothing is written.
    /// <paramref name="alongside"/> writes other data of the same import (the municipality master)
    /// in the same transaction.
    /// </summary>
    public WriteResult Write(IReadOnlyList<ProgramRecord> programs, IReadOnlyList<Adoption> looseAdoptions, RevisionInput input,
        bool replace = false, bool dryRun = false, Action<SqliteConnection, SqliteTransaction>? alongside = null)
    {
        var whole = new List<EntityState>();
        foreach (var p in programs)
        {
            whole.Add(EntityState.ForProgram(p));
            whole.AddRange(p.Adoptions.Select(a => EntityState.ForAdoption(p.Id, a)));
        }
        var given = programs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var loose = looseAdoptions.Where(a => !given.Contains(a.ProgramId!)).Select(a => EntityState.ForAdoption(a.ProgramId!, a)).ToList();
        given.UnionWith(loose.Select(a => a.ProgramId!));

        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var result = RevisionWriter.Commit(connection, tx, whole, loose, replace, input, dryRun);
        if (dryRun) { tx.Rollback(); return new WriteResult(Count(result, given), result); }
        const string runSql = """
            INSERT INTO import_runs (finished_at, source, added, updated, unchanged)
            VALUES (@Now, @Source, @Added, @Updated, @Unchanged);
            """;
        var counts = Count(result, given);
        connection.Execute(runSql, new { Now = DateTimeOffset.UtcNow.ToString("O"), input.Source, counts.Added, counts.Updated, counts.Unchanged }, tx);
        alongside?.Invoke(connection, tx);
        tx.Commit();
        return new WriteResult(counts, result);
    }

    /// <summary>
    /// Brings the catalogue back to what it was right after <paramref name="revision"/>, as a new
    /// revision; history is never rewritten. No revision when the catalogue already is that.
    /// </summary>
    public CommitResult Revert(long revision, IReadOnlyList<EntityState> state)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var whole = state.ToList();
        var result = RevisionWriter.Commit(connection, tx, whole, [], replace: true,
            new RevisionInput(RevisionKinds.Revert, $"revert --to {revision}", RevertedTo: revision), dryRun: false);
        if (result.Changes.Count == 0) return result;
        const string runSql = """
            INSERT INTO import_runs (finished_at, source, added, updated, unchanged) VALUES (@Now, @Source, 0, 0, 0);
            """;
        connection.Execute(runSql, new { Now = DateTimeOffset.UtcNow.ToString("O"), Source = $"revert --to {revision}" }, tx);
        tx.Commit();
        return result;
    }

    // Per program, as the import reports it: a program counts as updated when it or any of its adoptions changed.
    private static ImportCounts Count(CommitResult result, HashSet<string> given)
    {
        var programs = result.Changes.Where(c => c.Kind == EntityKinds.Program).ToList();
        var added = programs.Where(c => c.Change == ChangeTypes.Added).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var removed = programs.Count(c => c.Change == ChangeTypes.Removed);
        var updated = result.Changes.Where(c => c.ProgramId is not null && given.Contains(c.ProgramId) && !added.Contains(c.ProgramId))
            .Select(c => c.ProgramId).Distinct().Count();
        return new ImportCounts(added.Count, updated, given.Count - added.Count - updated, removed);
    }

    private static ProgramRecord Deserialize(string json) => JsonSerializer.Deserialize<ProgramRecord>(json, ProgramJson.Compact)!;
}

public readonly record struct ImportCounts(int Added, int Updated, int Unchanged, int Removed = 0);

/// <summary>What a write did (or, in a dry run, would do): counts per program, the revision and its changes.</summary>
public sealed record WriteResult(ImportCounts Counts, CommitResult Commit);

/// <summary>A program, the names of the programs it relates to (those held), and its family's other records by id.</summary>
public sealed record ProgramWithRelations(ProgramRecord Program, IReadOnlyDictionary<string, string> RelatedNames, IReadOnlyList<ProgramRecord> Family);
