using Catalog.Core.Audit;
using Catalog.Core.Programs;

namespace Catalog.Core.Drafting;

/// <summary>
/// Puts values into a draft record one at a time, each with its evidence entry, and takes a value
/// back out when its quote is not in the document or does not state it by the catalogue's own
/// evidence rule — the same rule the importer applies, so a draft never proposes what import refuses.
/// </summary>
internal sealed class RecordBuilder(string document, string normalisedBody)
{
    public ProgramRecord Record { get; } = new();

    /// <summary>Values taken back out, with the quote they were read from.</summary>
    public List<(string Field, string Quote)> Dropped { get; } = [];

    public void Set(string field, string quote, Action apply, Action undo, string? address = null)
    {
        apply();
        if (!Keep(field, quote, address)) undo();
    }

    /// <param name="more">Further quotes for parts of the item (".start" and the release date that states it).</param>
    public void Add<T>(string field, string quote, List<T> list, T item, IReadOnlyList<(string Part, string Quote)>? more = null)
    {
        list.Add(item);
        if (!Keep($"{field}[{list.Count - 1}]", quote, more: more)) list.RemoveAt(list.Count - 1);
    }

    private bool Keep(string path, string quote, string? address = null, IReadOnlyList<(string Part, string Quote)>? more = null)
    {
        var entries = new List<Evidence> { new() { Field = path, Document = document, Quote = quote } };
        entries.AddRange((more ?? []).Select(m => new Evidence { Field = path + m.Part, Document = document, Quote = m.Quote }));
        Record.Evidence.AddRange(entries);
        var occurs = entries.All(e => normalisedBody.Contains(EvidenceAudit.Normalise(e.Quote!), StringComparison.Ordinal)) || (address is not null && quote == address);
        var stated = EvidenceSupport.Check(Record).Where(v => EvidencePaths.Covers(path, v.Path)).All(v => v.Backing == Backing.Stated);
        if (occurs && stated) return true;
        foreach (var e in entries) Record.Evidence.Remove(e);
        Dropped.Add((path, quote));
        return false;
    }
}
