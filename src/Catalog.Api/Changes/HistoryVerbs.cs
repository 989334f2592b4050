using System.Globalization;
using Catalog.Core.Changes;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;

namespace Catalog.Api.Changes;

/// <summary>The verbs over history: import --dry-run's report, revert --to N, and history.</summary>
public static class HistoryVerbs
{
    /// <summary>Prints what an import would change; the import itself wrote nothing.</summary>
    public static void WriteDryRun(TextWriter o, string path, ImportResult result)
    {
        var changes = result.Commit?.Changes ?? [];
        var c = result.Counts;
        o.WriteLine($"Dry run: nothing was written. Importing {path} would make {changes.Count} change(s): " +
                    $"{c.Added} program(s) added, {c.Updated} changed, {c.Removed} removed, {c.Unchanged} unchanged.");
        foreach (var change in changes) ChangeText.WriteChange(o, change);
    }

    /// <summary>revert --to N: the catalogue as after revision N, as a new revision; the index follows.</summary>
    public static int Revert(IServiceProvider services, string? to)
    {
        if (to is null || !long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Fail($"revert needs --to N, a revision number (1 or more){(to is null ? "" : $", not '{to}'")}");
        var log = services.GetRequiredService<RevisionLog>();
        var latest = log.Latest()?.Number ?? 0;
        if (n > latest)
            return Fail(latest == 0 ? "there are no revisions yet" : $"there is no revision {n}; the latest is {latest}");
        var (result, indexError) = services.GetRequiredService<CatalogReverter>().Revert(n);
        if (result.Revision is null)
        {
            Console.WriteLine($"The catalogue already is as it was after revision {n}; no revision was made.");
            return 0;
        }
        Console.WriteLine($"Reverted to revision {n} as revision {result.Revision}: {result.Changes.Count} change(s).");
        foreach (var change in result.Changes) ChangeText.WriteChange(Console.Out, change);
        if (indexError is not null)
        {
            Console.Error.WriteLine($"The revert is committed, but {indexError}.");
            return 1;
        }
        return 0;
    }

    /// <summary>history [--since DATE] [--program ID]: revisions newest first, each with its changes.</summary>
    public static int History(IServiceProvider services, string? since, string? program)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                from = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ProgramStatus.Jst);
            else if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) from = t;
            else return Fail($"--since must be an ISO date (2025-04-01) or date-time, not '{since}'");
        }
        var log = services.GetRequiredService<RevisionLog>();
        var revisions = log.Revisions(from);
        var changes = log.Changes(new ChangeQuery
        {
            Since = from,
            ProgramIds = program is null ? null : new HashSet<string>([program], StringComparer.Ordinal),
            Limit = int.MaxValue,
        }).Items.ToLookup(e => e.Revision.Number, e => e.Change);
        var shown = 0;
        foreach (var r in revisions)
        {
            if (program is not null && !changes.Contains(r.Number)) continue;
            ChangeText.WriteRevision(Console.Out, r);
            // The baseline lists the whole catalogue as it was found; only a program's own line is news.
            if (r.Kind == RevisionKinds.Baseline && program is null)
                Console.WriteLine($"  ({changes[r.Number].Count()} entities recorded as found; not listed)");
            else
                foreach (var c in changes[r.Number]) ChangeText.WriteChange(Console.Out, c);
            shown++;
        }
        if (shown == 0) Console.WriteLine(program is null ? "No revisions." : $"No changes to '{program}'.");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
