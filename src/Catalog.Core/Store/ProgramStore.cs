using System.Text.Json;
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
        const string programSql = """
            SELECT record_json FROM programs WHERE id = @id;
            """;
        const string adoptionsSql = """
            SELECT record_json FROM adoptions WHERE program_id = @id
            ORDER BY fiscal_year, prefecture, municipality, title;
            """;
        var json = connection.QuerySingleOrDefault<string>(programSql, new { id });
        if (json is null) return null;
        var program = Deserialize(json);
        program.Adoptions = connection.Query<string>(adoptionsSql, new { id })
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
        Action<SqliteConnection, SqliteTransaction>? alongside = null)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToString("O");
        int added = 0, updated = 0, unchanged = 0;

        foreach (var program in programs)
        {
            var before = ReadForCompare(connection, tx, program.Id);
            var after = Canonical(program);
            if (before is null)
            {
                const string insertSql = """
                    INSERT INTO programs (id, family_key, name, level, ministry, record_json, created_at, updated_at)
                    VALUES (@Id, @FamilyKey, @Name, @Level, @Ministry, @Json, @Now, @Now);
                    """;
                connection.Execute(insertSql, new { program.Id, program.FamilyKey, program.Name, program.Level, program.Ministry, Json = RecordJson(program), Now = now }, tx);
                added++;
            }
            else if (before == after) { unchanged++; continue; }
            else
            {
                const string updateSql = """
                    UPDATE programs SET family_key = @FamilyKey, name = @Name, level = @Level, ministry = @Ministry,
                        record_json = @Json, updated_at = @Now
                    WHERE id = @Id;
                    """;
                connection.Execute(updateSql, new { program.Id, program.FamilyKey, program.Name, program.Level, program.Ministry, Json = RecordJson(program), Now = now }, tx);
                updated++;
            }
            connection.Execute("DELETE FROM adoptions WHERE program_id = @Id;", new { program.Id }, tx);
            foreach (var a in program.Adoptions) InsertAdoption(connection, tx, program.Id, a);
        }

        var given = programs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in looseAdoptions.Where(a => !given.Contains(a.ProgramId!)).GroupBy(a => a.ProgramId!))
        {
            var before = ReadForCompare(connection, tx, group.Key);
            foreach (var a in group) InsertAdoption(connection, tx, group.Key, a);
            if (ReadForCompare(connection, tx, group.Key) == before) unchanged++; else updated++;
        }

        const string runSql = """
            INSERT INTO import_runs (finished_at, source, added, updated, unchanged)
            VALUES (@Now, @Source, @Added, @Updated, @Unchanged);
            """;
        connection.Execute(runSql, new { Now = now, Source = source, Added = added, Updated = updated, Unchanged = unchanged }, tx);
        alongside?.Invoke(connection, tx); // other data of the same import (the municipality master), in the same transaction
        tx.Commit();
        return new ImportCounts(added, updated, unchanged);
    }

    private static void InsertAdoption(SqliteConnection connection, SqliteTransaction tx, string programId, Adoption adoption)
    {
        var row = Clone(adoption);
        row.ProgramId = null;
        const string sql = """
            INSERT OR REPLACE INTO adoptions (program_id, fiscal_year, prefecture, municipality, title, record_json)
            VALUES (@ProgramId, @FiscalYear, @Prefecture, @Municipality, @Title, @Json);
            """;
        connection.Execute(sql, new
        {
            ProgramId = programId,
            row.FiscalYear,
            Prefecture = row.Prefecture ?? "",
            row.Municipality,
            Title = row.Title ?? "",
            Json = JsonSerializer.Serialize(row, ProgramJson.Compact),
        }, tx);
    }

    // The program and its adoptions as one string, to tell "unchanged" from "updated".
    private static string? ReadForCompare(SqliteConnection connection, SqliteTransaction tx, string id)
    {
        var json = connection.QuerySingleOrDefault<string>("SELECT record_json FROM programs WHERE id = @id;", new { id }, tx);
        if (json is null) return null;
        var adoptions = connection.Query<string>(
            "SELECT record_json FROM adoptions WHERE program_id = @id ORDER BY fiscal_year, prefecture, municipality, title;", new { id }, tx);
        return json + "\n" + string.Join("\n", adoptions);
    }

    private static string Canonical(ProgramRecord program)
    {
        var adoptions = program.Adoptions
            .Select(a => { var c = Clone(a); c.ProgramId = null; return c; })
            .OrderBy(a => a.FiscalYear ?? 0).ThenBy(a => a.Prefecture ?? "", StringComparer.Ordinal)
            .ThenBy(a => a.Municipality, StringComparer.Ordinal).ThenBy(a => a.Title ?? "", StringComparer.Ordinal)
            .Select(a => JsonSerializer.Serialize(a, ProgramJson.Compact));
        return RecordJson(program) + "\n" + string.Join("\n", adoptions);
    }

    // The record without its adoptions, which live in their own table. Written from a JSON tree
    // so the caller's record is never touched (another thread may be reading it).
    private static string RecordJson(ProgramRecord program)
    {
        var node = JsonSerializer.SerializeToNode(program, ProgramJson.Compact)!.AsObject();
        node["adoptions"] = new System.Text.Json.Nodes.JsonArray();
        return node.ToJsonString(ProgramJson.Compact);
    }

    private static ProgramRecord Deserialize(string json) => JsonSerializer.Deserialize<ProgramRecord>(json, ProgramJson.Compact)!;

    private static Adoption Clone(Adoption a) =>
        JsonSerializer.Deserialize<Adoption>(JsonSerializer.Serialize(a, ProgramJson.Compact), ProgramJson.Compact)!;
}

public readonly record struct ImportCounts(int Added, int Updated, int Unchanged);
