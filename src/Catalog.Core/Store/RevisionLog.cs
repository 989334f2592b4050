using System.Globalization;
using Catalog.Core.Changes;
using Dapper;

namespace Catalog.Core.Store;

/// <summary>Which changes to list: a time range, one program or a set of them, and a page.</summary>
public sealed record ChangeQuery
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    /// <summary>Only changes to these programs (and their adoptions); null for all.</summary>
    public IReadOnlySet<string>? ProgramIds { get; init; }
    /// <summary>Leave out the baseline revision (the catalogue as found when history began): it is not news.</summary>
    public bool SkipBaseline { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

public sealed record ChangePage(int Total, IReadOnlyList<ChangeEntry> Items);

/// <summary>Reads the catalogue's history: revisions, the changes in them, and the catalogue as it was after one.</summary>
public sealed class RevisionLog(CatalogDatabase database)
{
    /// <summary>The stored form of revision times: UTC, milliseconds, so text order is time order.</summary>
    public static string FormatTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private const string RevisionColumns = """
        id AS Number, created_at AS Time, kind AS Kind, source AS Source, sha256 AS Sha256, reverted_to AS RevertedTo,
        added AS Added, changed AS Changed, removed AS Removed
        """;

    public RevisionSummary? Latest()
    {
        using var connection = database.Open();
        const string sql = $"SELECT {RevisionColumns} FROM revisions ORDER BY id DESC LIMIT 1;";
        return connection.QuerySingleOrDefault<RevisionRow>(sql)?.ToSummary();
    }

    /// <summary>Revisions made at or after <paramref name="since"/>, newest first.</summary>
    public IReadOnlyList<RevisionSummary> Revisions(DateTimeOffset? since = null)
    {
        using var connection = database.Open();
        const string sql = $"SELECT {RevisionColumns} FROM revisions WHERE @Since IS NULL OR created_at >= @Since ORDER BY id DESC;";
        return connection.Query<RevisionRow>(sql, new { Since = since is null ? null : FormatTime(since.Value) })
            .Select(r => r.ToSummary()).ToList();
    }

    /// <summary>Changes, newest revision first; within a revision by program, the program before its adoptions.</summary>
    public ChangePage Changes(ChangeQuery query)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: true);
        const string revisionsSql = $"SELECT {RevisionColumns} FROM revisions;";
        var revisions = connection.Query<RevisionRow>(revisionsSql, transaction: tx).ToDictionary(r => r.Number, r => r.ToSummary());
        const string allSql = """
            SELECT c.revision_id AS Revision, c.entity_kind AS Kind, c.entity_key AS Key, c.program_id AS ProgramId,
                   c.change AS Change, c.label AS Label, c.after_json AS AfterJson, c.fields_json AS FieldsJson
            FROM revision_changes c JOIN revisions r ON r.id = c.revision_id
            WHERE (@Since IS NULL OR r.created_at >= @Since) AND (@Until IS NULL OR r.created_at <= @Until)
              AND (@SkipBaseline = 0 OR r.kind <> 'baseline')
            ORDER BY c.revision_id DESC, c.program_id, c.entity_kind <> 'program', c.entity_kind, c.entity_key;
            """;
        const string oneProgramSql = """
            SELECT c.revision_id AS Revision, c.entity_kind AS Kind, c.entity_key AS Key, c.program_id AS ProgramId,
                   c.change AS Change, c.label AS Label, c.after_json AS AfterJson, c.fields_json AS FieldsJson
            FROM revision_changes c JOIN revisions r ON r.id = c.revision_id
            WHERE c.program_id = @ProgramId
              AND (@Since IS NULL OR r.created_at >= @Since) AND (@Until IS NULL OR r.created_at <= @Until)
              AND (@SkipBaseline = 0 OR r.kind <> 'baseline')
            ORDER BY c.revision_id DESC, c.entity_kind <> 'program', c.entity_kind, c.entity_key;
            """;
        // One program is a filter in SQL (its index); a set of them (a search's hits) is applied while reading.
        var single = query.ProgramIds is { Count: 1 } ? query.ProgramIds.First() : null;
        var rows = connection.Query<ChangeRow>(single is null ? allSql : oneProgramSql, new
        {
            Since = query.Since is null ? null : FormatTime(query.Since.Value),
            Until = query.Until is null ? null : FormatTime(query.Until.Value),
            query.SkipBaseline,
            ProgramId = single,
        }, tx, buffered: false);
        var total = 0;
        var items = new List<ChangeEntry>();
        foreach (var row in rows)
        {
            if (query.ProgramIds is not null && (row.ProgramId is null || !query.ProgramIds.Contains(row.ProgramId))) continue;
            if (total >= query.Offset && items.Count < query.Limit)
                items.Add(new ChangeEntry(revisions[row.Revision], new EntityChange(row.Kind, row.Key, row.ProgramId, row.Change, row.Label,
                    row.AfterJson, FieldChanges.Deserialize(row.FieldsJson))));
            total++;
        }
        return new ChangePage(total, items);
    }

    /// <summary>Every entity as it was right after revision <paramref name="revision"/>: its latest state at or before it.</summary>
    public IReadOnlyList<EntityState> StateAt(long revision)
    {
        using var connection = database.Open();
        const string sql = """
            SELECT c.entity_kind AS Kind, c.entity_key AS Key, c.program_id AS ProgramId, c.after_json AS Json
            FROM revision_changes c
            JOIN (SELECT entity_kind, entity_key, max(revision_id) AS revision_id FROM revision_changes
                  WHERE revision_id <= @revision GROUP BY entity_kind, entity_key) latest
              ON latest.entity_kind = c.entity_kind AND latest.entity_key = c.entity_key AND latest.revision_id = c.revision_id
            WHERE c.after_json IS NOT NULL;
            """;
        return connection.Query<EntityState>(sql, new { revision }).ToList();
    }

    /// <summary>A program's name now, or the one it had when it was last in the catalogue.</summary>
    public string? ProgramName(string id)
    {
        using var connection = database.Open();
        const string sql = """
            SELECT name FROM programs WHERE id = @id
            UNION ALL
            SELECT * FROM (SELECT label FROM revision_changes WHERE entity_kind = 'program' AND entity_key = @id
                           ORDER BY revision_id DESC LIMIT 1);
            """;
        return connection.Query<string>(sql, new { id }).FirstOrDefault();
    }

    /// <summary>Programs that history shows and the catalogue no longer has, each with its last recorded JSON.</summary>
    public IReadOnlyList<(string Id, string Json)> RemovedPrograms()
    {
        using var connection = database.Open();
        const string sql = """
            SELECT c.entity_key AS Id, c.after_json AS Json
            FROM revision_changes c
            JOIN (SELECT entity_key, max(revision_id) AS revision_id FROM revision_changes
                  WHERE entity_kind = 'program' AND after_json IS NOT NULL GROUP BY entity_key) last
              ON last.entity_key = c.entity_key AND last.revision_id = c.revision_id AND c.entity_kind = 'program'
            WHERE NOT EXISTS (SELECT 1 FROM programs p WHERE p.id = c.entity_key);
            """;
        return connection.Query<(string, string)>(sql).ToList();
    }

    /// <summary>True when anything in history concerns this program.</summary>
    public bool HasProgram(string id)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM revision_changes WHERE program_id = @id;", new { id }) > 0;
    }

    private sealed record RevisionRow(long Number, string Time, string Kind, string Source, string? Sha256, long? RevertedTo,
        long Added, long Changed, long Removed)
    {
        public RevisionSummary ToSummary() => new(Number,
            DateTimeOffset.Parse(Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Kind, Source, Sha256, RevertedTo, (int)Added, (int)Changed, (int)Removed);
    }

    private sealed record ChangeRow(long Revision, string Kind, string Key, string? ProgramId, string Change, string Label,
        string? AfterJson, string? FieldsJson);
}
