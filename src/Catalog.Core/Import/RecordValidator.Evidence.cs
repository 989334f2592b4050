using System.Text.Json;
using Catalog.Core.Audit;
using Catalog.Core.Programs;

namespace Catalog.Core.Import;

// Evidence rules that need no other record: entries well formed, paths naming values of the
// record, documents among its sources, and — once a record carries evidence — every stated
// value covered, and each checkable value stated by a quote that covers it (EvidenceSupport: a
// value edited without its quote is refused). Whether a quote really occurs in its document is
// checked by EvidenceAudit, which needs the documents.
internal sealed partial class RecordValidator
{
    private void CheckEvidence(List<Evidence> evidence, IEnumerable<string> required, JsonElement json, IReadOnlySet<string> documents, string prefix)
    {
        string F(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        if (evidence.Count == 0) return; // a record without evidence is reported by the audit, not refused
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var at = F($"evidence[{i}]");
            if (string.IsNullOrWhiteSpace(e.Field)) Error($"{at}.field", "is required (the path of the value, e.g. rate, caps[0], windows[1].end)");
            else if (!EvidencePaths.IsWellFormed(e.Field)) Error($"{at}.field", $"'{e.Field}' is not a path such as rate, caps[0] or windows[1].end");
            else if (e.Field.StartsWith("evidence", StringComparison.Ordinal) || !EvidencePaths.TryResolve(json, e.Field, out _))
                Error($"{at}.field", $"'{e.Field}' names no value in this record");

            var hasDocument = e.Document is not null || e.Quote is not null;
            var hasBasis = e.Basis is not null || e.Reason is not null;
            if (hasDocument && hasBasis) Error(at, "gives either a document and a quote, or a basis and a reason — not both");
            else if (hasDocument)
            {
                if (string.IsNullOrWhiteSpace(e.Document)) Error($"{at}.document", "is required with a quote");
                else if (!documents.Contains(e.Document))
                    Error($"{at}.document", $"'{e.Document}' is not among the sources of this record ({string.Join(", ", documents)})");
                if (string.IsNullOrWhiteSpace(e.Quote)) Error($"{at}.quote", "is required with a document (the phrase that states the value, verbatim)");
            }
            else if (hasBasis)
            {
                if (e.Basis is null) Error($"{at}.basis", $"is required with a reason ({Evidence.GeneralKnowledge} or {Evidence.DerivedFromPrefix}<record id>)");
                else if (e.Basis != Evidence.GeneralKnowledge && !(e.Basis.StartsWith(Evidence.DerivedFromPrefix, StringComparison.Ordinal)
                         && SlugPattern().IsMatch(e.Basis[Evidence.DerivedFromPrefix.Length..])))
                    Error($"{at}.basis", $"'{e.Basis}' is not {Evidence.GeneralKnowledge} or {Evidence.DerivedFromPrefix}<record id>");
                if (string.IsNullOrWhiteSpace(e.Reason)) Error($"{at}.reason", "is required: one line on why the value is kept without a document");
            }
            else Error(at, "needs a document and a quote, or a basis and a reason");
        }
        foreach (var path in required)
            if (!evidence.Any(e => EvidencePaths.Covers(e.Field, path)))
                Error(F(path), "has no evidence: add an entry to evidence (a document and a quote, or a basis and a reason)");
    }

    private void CheckEvidence(ProgramRecord p)
    {
        CheckEvidence(p.Evidence, EvidencePaths.Required(p), input.Json,
            p.Sources.Select(s => s.Document).Where(d => !string.IsNullOrEmpty(d)).ToHashSet(StringComparer.Ordinal), "");
        if (p.Evidence.Count > 0) CheckSupport(EvidenceSupport.Check(p), "");
    }

    // A required value with no evidence at all was reported above; so is a value that is wrong in
    // itself (an end before its start), whose quote is not the point yet.
    private void CheckSupport(IEnumerable<ValueSupport> values, string prefix)
    {
        if (!checkSupport) return;
        var wrong = errors.Where(e => e.File == input.File && e.RecordId == _id && e.Field is not null).Select(e => e.Field!).ToHashSet(StringComparer.Ordinal);
        foreach (var v in values.Where(v => v.IsRefused))
        {
            var field = prefix + v.Path;
            if (wrong.Any(w => EvidencePaths.Covers(w, field) || EvidencePaths.Covers(field, w))) continue;
            var path = input.Path + "." + field;
            errors.Add(new(input.File, input.Lines.LineOf(path), _id, field, v.Message(prefix))
            {
                Unstated = new(v.Value, v.Kind, v.Quotes.Select(q => ($"{prefix}evidence[{q.Index}]", q.Entry.Quote!)).ToList()),
            });
        }
    }

    private void CheckEvidence(Adoption a, string field)
    {
        var json = input.Json;
        if (field.Length > 0 && !EvidencePaths.TryResolve(input.Json, field, out json)) return;
        var documents = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(a.Source?.Document)) documents.Add(a.Source.Document);
        CheckEvidence(a.Evidence, EvidencePaths.Required(a), json, documents, field);
        if (a.Evidence.Count > 0) CheckSupport(EvidenceSupport.Check(a), field.Length == 0 ? "" : field + ".");
    }
}
