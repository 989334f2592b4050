using System.Buffers.Binary;
using Catalog.Core.Programs;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Catalog.Core.Search;

/// <summary>Maps a program record to its Lucene document. The index holds nothing the record does not.</summary>
public static class ProgramDocuments
{
    /// <summary>Builds the document; ranks are the record's position in id and name order.</summary>
    public static Document Create(ProgramRecord p, int idRank, int nameRank)
    {
        var doc = new Document
        {
            new StringField(SearchSchema.Id, p.Id, Field.Store.YES),
            new StoredField(SearchSchema.Json, ProgramJson.Serialize(p)),
        };

        void Text(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            doc.Add(new TextField(field, value, Field.Store.NO));
            doc.Add(new TextField(SearchSchema.Bigram, value, Field.Store.NO));
        }

        Text(SearchSchema.Name, p.Name);
        foreach (var a in p.Aliases) Text(SearchSchema.Aliases, a);
        foreach (var v in p.Kinds.Concat(p.Fields)) Text(SearchSchema.Tags, v);
        Text(SearchSchema.Tags, p.Variant);
        foreach (var v in new[] { p.Ministry, p.Bureau, p.Division, p.Organization }) Text(SearchSchema.Org, v);
        foreach (var v in new[] { p.Summary, p.Purpose, p.SupportContent, p.Rate?.Text, p.Notes }) Text(SearchSchema.Body, v);
        foreach (var r in p.Requirements) Text(SearchSchema.Body, r);
        foreach (var a in p.Adoptions)
        {
            Text(SearchSchema.Adoptions, $"{a.Prefecture}{a.Municipality}");
            Text(SearchSchema.Adoptions, a.Title);
            Text(SearchSchema.Adoptions, a.Technology);
        }
        foreach (var v in p.Aliases.Prepend(p.Name))
            doc.Add(new TextField(SearchSchema.Reading, v, Field.Store.NO));

        void Facet(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }

        Facet(SearchSchema.FacetMinistry, p.Ministry);
        Facet(SearchSchema.FacetLevel, p.Level);
        foreach (var v in p.Kinds.Distinct()) Facet(SearchSchema.FacetKind, v);
        foreach (var v in p.Fields.Distinct()) Facet(SearchSchema.FacetField, v);
        foreach (var v in OpenTo(p.Applicants)) Facet(SearchSchema.FacetApplicant, v);
        foreach (var y in p.FiscalYears.Distinct()) Facet(SearchSchema.FacetFiscalYear, y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var v in RateKindFacet.Of(p.Rate)) Facet(SearchSchema.FacetRateKind, v);

        doc.Add(new NumericDocValuesField(SearchSchema.RateMax, p.Rate?.Max is { } max ? (long)Math.Round(max * 10_000m) : -1));
        doc.Add(new NumericDocValuesField(SearchSchema.CapMax, ProgramCaps.MaxYen(p) ?? -1));
        doc.Add(new NumericDocValuesField(SearchSchema.IdRank, idRank));
        doc.Add(new NumericDocValuesField(SearchSchema.NameRank, nameRank));
        if (!string.IsNullOrEmpty(p.FamilyKey)) doc.Add(new SortedDocValuesField(SearchSchema.Family, new BytesRef(p.FamilyKey)));
        doc.Add(new NumericDocValuesField(SearchSchema.FiscalEnd, ProgramStatus.FiscalEnd(p.FiscalYears)));
        doc.Add(new BinaryDocValuesField(SearchSchema.Windows, new BytesRef(EncodeWindows(p.Windows, p.FiscalYears))));
        return doc;
    }


    /// <summary>
    /// Every applicant class a filter may name and still match this program: the classes it
    /// lists and every class nested inside them (open to 市区町村 ⇒ open to 中枢中核都市).
    /// </summary>
    public static IEnumerable<string> OpenTo(IEnumerable<string> applicants)
    {
        var listed = applicants.ToHashSet(StringComparer.Ordinal);
        var open = Vocabulary.Applicants.Where(a => Vocabulary.WithAncestors(a).Any(listed.Contains));
        return open.Concat(listed.Where(a => !Vocabulary.Applicants.Contains(a))).Distinct();
    }

    // 17 bytes a window: start ticks, end ticks (UTC; MinValue/MaxValue when open-ended), year-round flag.
    internal const int WindowBytes = 17;

    internal static byte[] EncodeWindows(IReadOnlyList<ApplicationWindow> windows, IReadOnlyCollection<int> fiscalYears)
    {
        var bytes = new byte[windows.Count * WindowBytes];
        for (var i = 0; i < windows.Count; i++)
        {
            var span = bytes.AsSpan(i * WindowBytes);
            var w = windows[i];
            BinaryPrimitives.WriteInt64LittleEndian(span, ProgramStatus.OpensAt(w, fiscalYears));
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], ProgramStatus.ClosesAt(w));
            span[16] = w.YearRound ? (byte)1 : (byte)0;
        }
        return bytes;
    }
}
