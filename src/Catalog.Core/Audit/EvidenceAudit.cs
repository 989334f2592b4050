using System.Text;
using Catalog.Core.Programs;

namespace Catalog.Core.Audit;

/// <summary>One quote that is not where its evidence says, or a value with no evidence.</summary>
public sealed record EvidenceProblem(string RecordId, string Field, string? Document, string? Quote, string Message)
{
    public override string ToString() =>
        RecordId == "" ? Message
        : Quote is null ? $"record '{RecordId}' field '{Field}': {Message}"
                      : $"record '{RecordId}' field '{Field}': {Message} — document {Document}, quote 「{Quote}」";
}

/// <summary>How many checkable values of one kind their quote states, rest on another basis, or neither.</summary>
public sealed record KindSupport(ValueKind Kind, int Stated, int OtherBasis, int Unsupported)
{
    public int Total => Stated + OtherBasis + Unsupported;
}

/// <summary>What the audit found: how each stated value is supported, and what is wrong.</summary>
public sealed record EvidenceAuditResult(
    int Programs, int AdoptionRows, int DocumentedValues, int GeneralKnowledgeValues, int DerivedValues, int UnsupportedValues,
    int QuotesChecked, IReadOnlyList<EvidenceProblem> Problems, IReadOnlyList<SourceDocument> Documents, IReadOnlyList<KindSupport> Support)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The figures for one kind of value.</summary>
    public KindSupport For(ValueKind kind) => Support.First(s => s.Kind == kind);

    private string SupportTable()
    {
        var lines = Support.Select(s =>
            $"  {EvidenceSupport.Word(s.Kind),-12} {s.Total,6} {s.Stated,8} {s.OtherBasis,12} {s.Unsupported,12}   {Percent(s.Stated + s.OtherBasis, s.Total)}");
        var total = new KindSupport(ValueKind.Name, Support.Sum(s => s.Stated), Support.Sum(s => s.OtherBasis), Support.Sum(s => s.Unsupported));
        return string.Join("\n", lines.Append(
            $"  {"all",-12} {total.Total,6} {total.Stated,8} {total.OtherBasis,12} {total.Unsupported,12}   {Percent(total.Stated + total.OtherBasis, total.Total)}"));
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100m * part / whole).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %";

    public string Summary() => $"""
        {Programs} program(s), {AdoptionRows} adoption row(s)
        stated values:                   {DocumentedValues + GeneralKnowledgeValues + DerivedValues + UnsupportedValues}
          quoted from a source document: {DocumentedValues}
          basis general-knowledge:       {GeneralKnowledgeValues}
          basis derived-from a record:   {DerivedValues}
          without evidence:              {UnsupportedValues}
        checkable values (does the quote state the value?):
          {"kind",-12} {"values",6} {"stated",8} {"other basis",12} {"unsupported",12}   stated or other basis
        {SupportTable()}
        documents cited: {Documents.Count} ({Documents.Count(d => d.HasHeader)} official pages with address, {Documents.Count(d => d.IsOriginalSeed)} original seed documents)
        quotes checked: {QuotesChecked}, problems: {Problems.Count}
        """;
}

/// <summary>
/// Checks every piece of evidence against the source documents: each quote must occur in the
/// document it names, ignoring whitespace and line breaks only (the documents wrap lines and
/// pad table cells; nothing else is normalised). Counts the stated values by their basis.
/// </summary>
public static class EvidenceAudit
{
    public static EvidenceAuditResult Run(IReadOnlyList<ProgramRecord> programs, IReadOnlyList<Adoption> looseAdoptions, string documentsFolder)
    {
        var documents = new Dictionary<string, (SourceDocument Document, string Body)?>(StringComparer.Ordinal);
        var problems = new List<EvidenceProblem>();
        int documented = 0, general = 0, derived = 0, unsupported = 0, quotes = 0, rows = 0;
        var support = EvidenceSupport.Kinds.ToDictionary(k => k, _ => new int[3]);

        (SourceDocument Document, string Body)? Read(string name)
        {
            if (documents.TryGetValue(name, out var read)) return read;
            var file = Path.Combine(documentsFolder, name);
            // A name is a file name, never a path out of the documents folder.
            if (name == Path.GetFileName(name) && File.Exists(file))
            {
                var document = SourceDocument.Load(file);
                read = (document, Normalise(document.Body));
                foreach (var problem in document.Problems()) problems.Add(new("", "", name, null, $"document {name} {problem}"));
            }
            documents[name] = read;
            return read;
        }

        // A quote is looked for in the page text; a url may also be the address the page was retrieved from.
        bool Occurs(string field, (SourceDocument Document, string Body) d, string quote) =>
            d.Body.Contains(Normalise(quote), StringComparison.Ordinal)
            || (field == "url" && d.Document.Address is { } address && quote.Trim() == address);

        // Whether each checkable value is stated by its quote (EvidenceSupport); a required value
        // with no evidence at all is counted unsupported and reported once, by the check below.
        void Weigh(string id, string prefix, IEnumerable<ValueSupport> values)
        {
            foreach (var v in values)
            {
                support[v.Kind][(int)v.Backing]++;
                if (v.IsRefused)
                    problems.Add(new(id, prefix + v.Path, null, null, v.Message(prefix)));
            }
        }

        void Audit(string id, string prefix, List<Evidence> evidence, IEnumerable<string> required)
        {
            foreach (var path in required)
            {
                var covering = EvidencePaths.For(evidence, path).ToList();
                if (covering.Any(e => e.IsDocumented)) documented++;
                else if (covering.Any(e => e.Basis == Evidence.GeneralKnowledge)) general++;
                else if (covering.Count > 0) derived++;
                else { unsupported++; problems.Add(new(id, prefix + path, null, null, "has no evidence")); }
            }
            foreach (var e in evidence.Where(e => e.IsDocumented))
            {
                quotes++;
                var read = Read(e.Document!);
                if (read is not { } d) problems.Add(new(id, prefix + e.Field, e.Document, e.Quote, $"document not found in {documentsFolder}"));
                else if (string.IsNullOrEmpty(e.Quote) || !Occurs(e.Field, d, e.Quote))
                    problems.Add(new(id, prefix + e.Field, e.Document, e.Quote, "quote does not occur in the document"));
            }
        }

        foreach (var p in programs)
        {
            Audit(p.Id, "", p.Evidence, EvidencePaths.Required(p));
            if (p.Evidence.Count > 0) Weigh(p.Id, "", EvidenceSupport.Check(p));
            for (var i = 0; i < p.Adoptions.Count; i++, rows++)
            {
                var prefix = $"adoptions[{i}] ({p.Adoptions[i].Municipality}).";
                Audit(p.Id, prefix, p.Adoptions[i].Evidence, EvidencePaths.Required(p.Adoptions[i]));
                if (p.Adoptions[i].Evidence.Count > 0) Weigh(p.Id, prefix, EvidenceSupport.Check(p.Adoptions[i]));
            }
        }
        foreach (var a in looseAdoptions)
        {
            rows++;
            var prefix = $"adoption ({a.Municipality}).";
            Audit(a.ProgramId ?? "", prefix, a.Evidence, EvidencePaths.Required(a));
            if (a.Evidence.Count > 0) Weigh(a.ProgramId ?? "", prefix, EvidenceSupport.Check(a));
        }
        return new(programs.Count, rows, documented, general, derived, unsupported, quotes, problems,
            documents.Values.Where(d => d is not null).Select(d => d!.Value.Document).OrderBy(d => d.Name, StringComparer.Ordinal).ToList(),
            EvidenceSupport.Kinds.Select(k => new KindSupport(k, support[k][0], support[k][1], support[k][2])).ToList());
    }

    /// <summary>Drops whitespace and line breaks (and a BOM); every other character is kept as it is.</summary>
    public static string Normalise(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') b.Append(c);
        return b.ToString();
    }
}
