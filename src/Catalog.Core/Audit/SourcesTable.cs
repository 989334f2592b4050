using System.Text;
using Catalog.Core.Programs;

namespace Catalog.Core.Audit;

/// <summary>The documents the seed cites, as the Markdown table of docs/sources.md (generated, never typed).</summary>
public static class SourcesTable
{
    public static string Markdown(IReadOnlyList<SourceDocument> documents, IReadOnlyList<ProgramRecord> programs, IReadOnlyList<Adoption> looseAdoptions)
    {
        var citing = programs
            .SelectMany(p => p.Sources.Select(s => (s.Document, Id: p.Id)).Concat(p.Adoptions.Where(a => a.Source is not null).Select(a => (a.Source!.Document, Id: p.Id))))
            .Concat(looseAdoptions.Where(a => a.Source is not null).Select(a => (a.Source!.Document, Id: a.ProgramId ?? "")))
            .GroupBy(x => x.Document, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var b = new StringBuilder();
        b.AppendLine("| document | address | publisher | date stated | licence | cited by |");
        b.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in documents)
        {
            var by = citing.GetValueOrDefault(d.Name) ?? [];
            b.AppendLine($"| `{d.Name}` | {Cell(d.Address ?? (d.IsOriginalSeed ? "original seed document (shared/seeds)" : ""))} | {Cell(d.Publisher)} | {Cell(d.Date)} | {Cell(d.Licence)} | {by.Count}: {Cell(string.Join(", ", by))} |");
        }
        return b.ToString();
    }

    private static string Cell(string? s) => (s ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
