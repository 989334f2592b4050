using System.Text.Json;
using Catalog.Core.Changes;
using Catalog.Core.Programs;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Core.Store;

/// <summary>
/// Brings a set of entities to a desired state inside the caller's transaction and records what
/// changed as a revision. Only changed entities are written to history (their new state and the
/// field changes), so history grows with changes, not with the size of the catalogue.
/// </summary>
internal static class RevisionWriter
{
    /// <param name="whole">Programs given whole: each program and its complete set of adoptions.</param>
    /// <param name="loose">Adoption rows added to (or replacing same-key rows of) programs not given whole.</param>
    /// <param name="replace">The input states the whole catalogue: entities absent from it are removed.</param>
    public static CommitResult Commit(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<EntityState> whole,
        IReadOnlyList<EntityState> loose, bool replace, RevisionInput input, bool dryRun)
    {
        var desired = new Dictionary<(string, string), EntityState>();
        foreach (var e in whole.Concat(loose)) desired[(e.Kind, e.Key)] = e;

        Dictionary<(string, string), EntityState> current;
        if (replace) current = ReadAll(connection, tx);
        else
        {
            var given = whole.Where(e => e.Kind == EntityKinds.Program).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            // Two statements per program cost more than one pass over the tables once the input
            // is a large part of the catalogue (an import of 100,000 programs: 200,000 statements).
            if (given.Count * 4L > connection.ExecuteScalar<long>("SELECT count(*) FROM programs;", transaction: tx))
                current = ReadAll(connection, tx).Where(p => given.Contains(p.Value.ProgramId!)).ToDictionary();
            else
            {
                current = [];
                foreach (var id in given)
                    foreach (var e in ReadProgram(connection, tx, id)) current[(e.Kind, e.Key)] = e;
            }
            var looseOwners = loose.Select(e => e.ProgramId!).Distinct(StringComparer.Ordinal);
            var looseKeys = loose.Select(e => (e.Kind, e.Key)).ToHashSet();
            foreach (var owner in looseOwners)
                foreach (var e in ReadProgram(connection, tx, owner).Where(e => looseKeys.Contains((e.Kind, e.Key))))
                    current[(e.Kind, e.Key)] = e;
        }

        var changes = new List<EntityChange>();
        foreach (var key in current.Keys.Union(desired.Keys))
        {
            var before = current.GetValueOrDefault(key);
            var after = desired.GetValueOrDefault(key);
            if (before?.Json == after?.Json) continue;
            var type = before is null ? ChangeTypes.Added : after is null ? ChangeTypes.Removed : ChangeTypes.Changed;
            var state = (after ?? before)!;
            changes.Add(new EntityChange(state.Kind, state.Key, state.ProgramId, type, state.Label(), after?.Json,
                type == ChangeTypes.Changed ? JsonDiff.Compare(before!.Json, after!.Json) : []));
        }
        changes.Sort(CompareChanges);
        if (dryRun || changes.Count == 0) return new CommitResult(null, changes);

        if (connection.ExecuteScalar<long>("SELECT count(*) FROM revisions;", transaction: tx) == 0 &&
            connection.ExecuteScalar<long>("SELECT count(*) FROM programs;", transaction: tx) > 0)
            RecordBaseline(connection, tx);

        Apply(connection, tx, changes);
        var revision = Record(connection, tx, input, changes);
        return new CommitResult(revision, changes);
    }

    // Programs first, then their adoptions; by program id, kind and key, so reports read in a stable order.
    private static int CompareChanges(EntityChange a, EntityChange b)
    {
        var c = string.CompareOrdinal(a.ProgramId, b.ProgramId);
        if (c != 0) return c;
        c = (a.Kind == EntityKinds.Program ? 0 : 1).CompareTo(b.Kind == EntityKinds.Program ? 0 : 1);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Kind, b.Kind);
        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>Every program and adoption, as entities.</summary>
    public static Dictionary<(string, string), EntityState> ReadAll(SqliteConnection connection, SqliteTransaction tx)
    {
        var all = new Dictionary<(string, string), EntityState>();
        foreach (var (id, json) in connection.Query<(string, string)>("SELECT id, record_json FROM programs;", transaction: tx))
            all[(EntityKinds.Program, id)] = new EntityState(EntityKinds.Program, id, id, json);
        foreach (var e in ReadAdoptions(connection, tx, null)) all[(e.Kind, e.Key)] = e;
        return all;
    }

    private static IEnumerable<EntityState> ReadProgram(SqliteConnection connection, SqliteTransaction tx, string id)
    {
        var json = connection.QuerySingleOrDefault<string>("SELECT record_json FROM programs WHERE id = @id;", new { id }, tx);
        if (json is not null) yield return new EntityState(EntityKinds.Program, id, id, json);
        foreach (var e in ReadAdoptions(connection, tx, id)) yield return e;
    }

    private static IEnumerable<EntityState> ReadAdoptions(SqliteConnection connection, SqliteTransaction tx, string? programId)
    {
        const string allSql = """
            SELECT program_id AS ProgramId, fiscal_year AS FiscalYear, prefecture AS Prefecture, municipality AS Municipality,
                   title AS Title, record_json AS Json
            FROM adoptions;
            """;
        // Its own statement, so SQLite uses the (program_id, …) index instead of scanning every row.
        const string oneSql = """
            SELECT program_id AS ProgramId, fiscal_year AS FiscalYear, prefecture AS Prefecture, municipality AS Municipality,
                   title AS Title, record_json AS Json
            FROM adoptions WHERE program_id = @programId;
            """;
        foreach (var r in connection.Query<AdoptionRow>(programId is null ? allSql : oneSql, new { programId }, tx))
        {
            var key = JsonSerializer.Serialize(new object?[] { r.ProgramId, r.FiscalYear ?? 0, r.Prefecture, r.Municipality, r.Title }, ProgramJson.Compact);
            yield return new EntityState(EntityKinds.Adoption, key, r.ProgramId, r.Json);
        }
    }

    private sealed record AdoptionRow(string ProgramId, long? FiscalYear, string Prefecture, string Municipality, string Title, string Json);

    private static void Apply(SqliteConnection connection, SqliteTransaction tx, List<EntityChange> changes)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        // Removals first (adoptions before their programs), then programs, then adoptions that need them.
        foreach (var c in changes.Where(c => c.Change == ChangeTypes.Removed && c.Kind == EntityKinds.Adoption))
        {
            var key = JsonSerializer.Deserialize<JsonElement[]>(c.Key)!;
            const string sql = """
                DELETE FROM adoptions WHERE program_id = @ProgramId AND ifnull(fiscal_year, 0) = @FiscalYear
                    AND prefecture = @Prefecture AND municipality = @Municipality AND title = @Title;
                """;
            connection.Execute(sql, new
            {
                ProgramId = key[0].GetString(), FiscalYear = key[1].GetInt32(), Prefecture = key[2].GetString(),
                Municipality = key[3].GetString(), Title = key[4].GetString(),
            }, tx);
        }
        foreach (var c in changes.Where(c => c.Change == ChangeTypes.Removed && c.Kind == EntityKinds.Program))
            connection.Execute("DELETE FROM programs WHERE id = @Key;", new { c.Key }, tx);

        foreach (var c in changes.Where(c => c.Change != ChangeTypes.Removed && c.Kind == EntityKinds.Program))
        {
            var p = JsonSerializer.Deserialize<ProgramRecord>(c.AfterJson!, ProgramJson.Compact)!;
            const string sql = """
                INSERT INTO programs (id, family_key, name, level, ministry, record_json, created_at, updated_at)
                VALUES (@Id, @FamilyKey, @Name, @Level, @Ministry, @Json, @Now, @Now)
                ON CONFLICT (id) DO UPDATE SET family_key = excluded.family_key, name = excluded.name, level = excluded.level,
                    ministry = excluded.ministry, record_json = excluded.record_json, updated_at = excluded.updated_at;
                """;
            connection.Execute(sql, new { Id = c.Key, p.FamilyKey, p.Name, p.Level, p.Ministry, Json = c.AfterJson, Now = now }, tx);
        }

        foreach (var c in changes.Where(c => c.Change != ChangeTypes.Removed && c.Kind == EntityKinds.Adoption))
        {
            var a = JsonSerializer.Deserialize<Adoption>(c.AfterJson!, ProgramJson.Compact)!;
            const string sql = """
                INSERT OR REPLACE INTO adoptions (program_id, fiscal_year, prefecture, municipality, title, record_json)
                VALUES (@ProgramId, @FiscalYear, @Prefecture, @Municipality, @Title, @Json);
                """;
            connection.Execute(sql, new
            {
                c.ProgramId, a.FiscalYear, Prefecture = a.Prefecture ?? "", a.Municipality, Title = a.Title ?? "", Json = c.AfterJson,
            }, tx);
        }
    }

    // The catalogue as it was before history was kept becomes revision 1, so revert can reach it.
    private static void RecordBaseline(SqliteConnection connection, SqliteTransaction tx)
    {
        var all = ReadAll(connection, tx).Values
            .Select(e => new EntityChange(e.Kind, e.Key, e.ProgramId, ChangeTypes.Added, e.Label(), e.Json, []))
            .ToList();
        all.Sort(CompareChanges);
        Record(connection, tx, new RevisionInput(RevisionKinds.Baseline, "catalogue before revisions were kept"), all);
    }

    private static long Record(SqliteConnection connection, SqliteTransaction tx, RevisionInput input, List<EntityChange> changes)
    {
        var programs = changes.Where(c => c.Kind == EntityKinds.Program).ToList();
        var added = programs.Count(c => c.Change == ChangeTypes.Added);
        var removed = programs.Count(c => c.Change == ChangeTypes.Removed);
        var addedOrRemoved = programs.Where(c => c.Change != ChangeTypes.Changed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var changed = changes.Where(c => c.ProgramId is not null && !addedOrRemoved.Contains(c.ProgramId))
            .Select(c => c.ProgramId).Distinct().Count();
        const string revisionSql = """
            INSERT INTO revisions (created_at, kind, source, sha256, reverted_to, added, changed, removed)
            VALUES (@Now, @Kind, @Source, @Sha256, @RevertedTo, @Added, @Changed, @Removed)
            RETURNING id;
            """;
        var id = connection.ExecuteScalar<long>(revisionSql, new
        {
            Now = RevisionLog.FormatTime(DateTimeOffset.UtcNow), input.Kind, input.Source, input.Sha256, input.RevertedTo,
            Added = added, Changed = changed, Removed = removed,
        }, tx);
        const string changeSql = """
            INSERT INTO revision_changes (revision_id, entity_kind, entity_key, program_id, change, label, after_json, fields_json)
            VALUES (@Revision, @Kind, @Key, @ProgramId, @Change, @Label, @AfterJson, @Fields);
            """;
        foreach (var c in changes)
            connection.Execute(changeSql, new
            {
                Revision = id, c.Kind, c.Key, c.ProgramId, c.Change, c.Label, c.AfterJson,
                Fields = c.Change == ChangeTypes.Changed ? FieldChanges.Serialize(c.Fields) : null,
            }, tx);
        return id;
    }
}
