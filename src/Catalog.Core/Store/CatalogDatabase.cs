using Dapper;
using Microsoft.Data.Sqlite;

namespace Catalog.Core.Store;

/// <summary>
/// The SQLite file that is the catalogue's source of truth. Opens connections with foreign keys
/// on and WAL journaling, and brings the schema up to date through numbered migrations.
/// </summary>
public sealed class CatalogDatabase
{
    private readonly string _connectionString;

    public CatalogDatabase(CatalogOptions options)
    {
        Path = options.DatabasePath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Each entry runs once, in order, inside a transaction; never edit one that has shipped.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE programs (
            id           TEXT PRIMARY KEY,
            family_key   TEXT NOT NULL,
            name         TEXT NOT NULL,
            level        TEXT NOT NULL,
            ministry     TEXT NOT NULL,
            record_json  TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        );
        CREATE INDEX programs_family ON programs (family_key);
        CREATE TABLE adoptions (
            program_id   TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
            fiscal_year  INTEGER,
            prefecture   TEXT NOT NULL DEFAULT '',
            municipality TEXT NOT NULL,
            title        TEXT NOT NULL DEFAULT '',
            record_json  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX adoptions_key ON adoptions (program_id, ifnull(fiscal_year, 0), prefecture, municipality, title);
        CREATE TABLE import_runs (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            finished_at TEXT NOT NULL,
            source      TEXT NOT NULL,
            added       INTEGER NOT NULL,
            updated     INTEGER NOT NULL,
            unchanged   INTEGER NOT NULL
        );
        """,
        // #9 municipalities: the master (code list and class lists), replaced whole on import.
        """
        CREATE TABLE municipality_master (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            source_json  TEXT NOT NULL,
            classes_json TEXT NOT NULL
        );
        CREATE TABLE municipalities (
            code            TEXT PRIMARY KEY,
            name            TEXT NOT NULL,
            kana            TEXT NOT NULL,
            kind            TEXT NOT NULL,
            prefecture_code TEXT
        );
        CREATE INDEX municipalities_name ON municipalities (name);
        """,
        // Revisions (#10): one row per write that changed something, and per changed entity its
        // state after the change (null when removed) and the field changes. Entities are named
        // generically (kind + key) so master data can join later; program_id groups a program's
        // own entities (itself, its adoptions) for its history.
        """
        CREATE TABLE revisions (
            id           INTEGER PRIMARY KEY,
            created_at   TEXT NOT NULL,
            kind         TEXT NOT NULL,
            source       TEXT NOT NULL,
            sha256       TEXT,
            reverted_to  INTEGER,
            added        INTEGER NOT NULL,
            changed      INTEGER NOT NULL,
            removed      INTEGER NOT NULL
        );
        CREATE INDEX revisions_time ON revisions (created_at);
        CREATE TABLE revision_changes (
            id           INTEGER PRIMARY KEY,
            revision_id  INTEGER NOT NULL REFERENCES revisions (id),
            entity_kind  TEXT NOT NULL,
            entity_key   TEXT NOT NULL,
            program_id   TEXT,
            change       TEXT NOT NULL,
            label        TEXT NOT NULL,
            after_json   TEXT,
            fields_json  TEXT
        );
        -- A rowid table: its rows (a whole record each) would overflow a WITHOUT ROWID b-tree's pages.
        CREATE UNIQUE INDEX revision_changes_key ON revision_changes (revision_id, entity_kind, entity_key);
        CREATE INDEX revision_changes_entity ON revision_changes (entity_kind, entity_key, revision_id);
        CREATE INDEX revision_changes_program ON revision_changes (program_id, revision_id);
        """,
    ];

    public static int SchemaVersion => Migrations.Length;

    /// <summary>Applies the migrations this file has not seen yet. Safe to call on every start.</summary>
    public void Migrate()
    {
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        var version = connection.ExecuteScalar<long>("PRAGMA user_version;");
        for (var i = (int)version; i < Migrations.Length; i++)
        {
            using var tx = connection.BeginTransaction();
            connection.Execute(Migrations[i], transaction: tx);
            // user_version cannot take a parameter; i + 1 is our own integer.
            connection.Execute($"PRAGMA user_version = {i + 1};", transaction: tx);
            tx.Commit();
        }
    }
}
