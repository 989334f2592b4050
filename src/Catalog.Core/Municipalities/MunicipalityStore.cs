using System.Text.Json;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Core.Municipalities;

/// <summary>
/// The municipality master in the catalogue database, and the adoption rows by municipality.
/// The master is replaced whole, inside the import's transaction; readers get an immutable
/// directory that is rebuilt only after another import ran.
/// </summary>
public sealed class MunicipalityStore(CatalogDatabase database)
{
    private readonly Lock _gate = new();
    private (long Run, MunicipalityDirectory Directory)? _cached;

    /// <summary>The master as of the latest import (empty before any master was imported).</summary>
    public MunicipalityDirectory Directory()
    {
        using var connection = database.Open();
        var run = connection.ExecuteScalar<long?>("SELECT max(id) FROM import_runs;") ?? 0;
        lock (_gate)
        {
            if (_cached is { } c && c.Run == run) return c.Directory;
        }
        var directory = Read(connection);
        lock (_gate) _cached = (run, directory);
        return directory;
    }

    private static MunicipalityDirectory Read(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction(deferred: true);
        const string masterSql = """
            SELECT source_json, classes_json FROM municipality_master WHERE id = 1;
            """;
        const string entriesSql = """
            SELECT code AS Code, name AS Name, kana AS Kana, kind AS Kind, prefecture_code AS Prefecture
            FROM municipalities ORDER BY code;
            """;
        var head = connection.QuerySingleOrDefault<(string Source, string Classes)?>(masterSql, transaction: tx);
        if (head is null) return MunicipalityDirectory.Empty;
        return new MunicipalityDirectory(new MunicipalMaster
        {
            Master = JsonSerializer.Deserialize<MasterSource>(head.Value.Source, ProgramJson.Compact)!,
            Classes = JsonSerializer.Deserialize<List<ClassList>>(head.Value.Classes, ProgramJson.Compact)!,
            Municipalities = connection.Query<MunicipalityEntry>(entriesSql, transaction: tx).ToList(),
        });
    }

    /// <summary>Replaces the whole master; runs inside the import's transaction.</summary>
    public static void Replace(SqliteConnection connection, SqliteTransaction tx, MunicipalMaster master)
    {
        connection.Execute("DELETE FROM municipalities; DELETE FROM municipality_master;", transaction: tx);
        const string headSql = """
            INSERT INTO municipality_master (id, source_json, classes_json) VALUES (1, @Source, @Classes);
            """;
        connection.Execute(headSql, new
        {
            Source = JsonSerializer.Serialize(master.Master, ProgramJson.Compact),
            Classes = JsonSerializer.Serialize(master.Classes, ProgramJson.Compact),
        }, tx);
        const string entrySql = """
            INSERT INTO municipalities (code, name, kana, kind, prefecture_code)
            VALUES (@Code, @Name, @Kana, @Kind, @Prefecture);
            """;
        connection.Execute(entrySql, master.Municipalities, tx);
    }

    /// <summary>
    /// Gives every stored adoption row the codes of a new master (inside the import's transaction,
    /// after the importer checked that each still resolves).
    /// </summary>
    public static void ResolveStored(SqliteConnection connection, SqliteTransaction tx, MunicipalityDirectory directory, Action<Adoption, MunicipalityDirectory> resolve)
    {
        const string readSql = """
            SELECT rowid, record_json FROM adoptions;
            """;
        const string updateSql = """
            UPDATE adoptions SET record_json = @Json WHERE rowid = @RowId;
            """;
        foreach (var (rowId, json) in connection.Query<(long, string)>(readSql, transaction: tx).ToList())
        {
            var row = JsonSerializer.Deserialize<Adoption>(json, ProgramJson.Compact)!;
            resolve(row, directory);
            var after = JsonSerializer.Serialize(row, ProgramJson.Compact);
            if (after != json) connection.Execute(updateSql, new { Json = after, RowId = rowId }, tx);
        }
    }

    /// <summary>The family keys of the stored programs (eligibility rules may name a family).</summary>
    public IReadOnlySet<string> ProgramFamilies()
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT DISTINCT family_key FROM programs;").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every adoption row with its program's name and family, in a stable order.</summary>
    public IReadOnlyList<AdoptionRow> Adoptions()
    {
        using var connection = database.Open();
        const string sql = """
            SELECT a.program_id AS ProgramId, p.name AS ProgramName, p.family_key AS FamilyKey, a.record_json AS Json
            FROM adoptions a JOIN programs p ON p.id = a.program_id
            ORDER BY a.program_id, a.fiscal_year, a.prefecture, a.municipality, a.title;
            """;
        return connection.Query<(string ProgramId, string ProgramName, string FamilyKey, string Json)>(sql)
            .Select(r => new AdoptionRow(r.ProgramId, r.ProgramName, r.FamilyKey, JsonSerializer.Deserialize<Adoption>(r.Json, ProgramJson.Compact)!))
            .ToList();
    }
}

/// <summary>An adoption as stored, with the program it belongs to.</summary>
public sealed record AdoptionRow(string ProgramId, string ProgramName, string FamilyKey, Adoption Adoption);
