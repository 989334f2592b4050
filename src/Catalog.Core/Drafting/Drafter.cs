using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Core.Audit;
using Catalog.Core.Programs;

namespace Catalog.Core.Drafting;

/// <summary>
/// Reads a document and proposes records in the import format: every value with an evidence
/// entry quoting the document, and a <see cref="DraftReview"/> naming what was not found and what
/// is doubtful. A value whose quote the evidence rule (<see cref="EvidenceSupport"/>) does not
/// accept, or whose quote is not in the document, is dropped rather than proposed.
/// </summary>
public static partial class Drafter
{
    /// <param name="document">The document's text.</param>
    /// <param name="sourceName">The file name the records cite in <c>sources</c> (the stored document).</param>
    /// <param name="stored">False when the document is not stored under seed/documents: the review says so.</param>
    public static List<ProgramRecord> Draft(DraftDocument document, string sourceName, bool stored)
    {
        var doc = new DocumentLines(document.Text);
        var (name, nameLine) = NameFinder.Name(doc);
        var (contact, contactLine) = ContactFinder.Find(doc);
        var ministry = MinistryFinder.Find(doc, contactLine);
        var year = NameFinder.FiscalYear(doc, nameLine);
        var rates = RateAndCapFinder.Rates(doc);
        var caps = RateAndCapFinder.Caps(doc);
        var windows = WindowFinder.Windows(doc);
        var applicants = ApplicantFinder.Find(doc);

        var body = EvidenceAudit.Normalise(document.Text);
        // One record per rate when the document states several (one per menu); otherwise one.
        var rateChoices = rates.Count == 0 ? [null] : rates.Cast<Found<string>?>().ToList();
        var records = new List<ProgramRecord>();
        foreach (var rate in rateChoices)
        {
            var r = new RecordBuilder(sourceName, body);
            var p = r.Record;
            p.Id = Slug(name?.Value, sourceName, records.Count, rateChoices.Count);
            p.Level = "national";
            p.Sources.Add(new Source { Document = sourceName });
            if (document.Address is { } address) r.Set("url", address, () => p.Url = address, () => p.Url = null, address);
            if (name is not null)
            {
                r.Set("name", name.Quote, () => p.Name = name.Value, () => p.Name = "");
                foreach (var kind in NameFinder.Kinds(name.Value)) r.Add("kinds", name.Quote, p.Kinds, kind);
                foreach (var field in NameFinder.Fields(name.Value)) r.Add("fields", name.Quote, p.Fields, field);
            }
            if (ministry is not null)
            {
                r.Set("ministry", ministry.Quote, () => p.Ministry = ministry.Value.Ministry, () => p.Ministry = "");
                if (ministry.Value.Bureau is { } bureau) r.Set("bureau", ministry.Value.BureauQuote ?? ministry.Quote, () => p.Bureau = bureau, () => p.Bureau = null);
            }
            if (year is not null) r.Add("fiscalYears", year.Quote, p.FiscalYears, year.Value);
            if (rate is not null) r.Set("rate", rate.Quote, () => p.Rate = new SubsidyRate { Text = rate.Value }, () => p.Rate = null);
            // A name without a kind word (…モデル事業): a 補助率 or 交付率 says which money it is.
            if (p.Kinds.Count == 0 && p.Rate is not null && KindOfRate(rate!.Quote) is { } kindOfRate) r.Add("kinds", rate.Quote, p.Kinds, kindOfRate);
            foreach (var cap in caps)
                r.Add("caps", cap.Quote, p.Caps, new Cap { Text = cap.Value.Text, Applicant = cap.Value.Applicant, Per = cap.Value.Per });
            foreach (var w in windows)
                r.Add("windows", w.Quote, p.Windows, new ApplicationWindow { Start = w.Value.Start, End = w.Value.End, Round = w.Value.Round },
                    w.Value.StartQuote is { } startQuote ? [(".start", startQuote)] : []);
            foreach (var a in applicants.SelectMany(a => a.Value.Select(v => (Class: v, a.Quote))).DistinctBy(a => a.Class))
                r.Add("applicants", a.Quote, p.Applicants, a.Class);
            if (contact is not null) r.Add("contacts", contact.Quote, p.Contacts, contact.Value);

            var review = new DraftReview();
            foreach (var (field, absent) in Expected(p)) if (absent) review.Missing.Add(field);
            if (!stored)
                review.Unsure.Add(new() { Field = "sources[0]", Reason = $"{sourceName} は seed/documents に保存されていません。--url でアドレスとともに保存してから取り込んでください" });
            if (rateChoices.Count > 1)
                review.Unsure.Add(new() { Field = "rate", Reason = $"文書に補助率が{rateChoices.Count}つあります（{string.Join("、", rates.Select(x => x.Value))}）。このレコードは「{rate!.Value}」の分です。メニュー名（variant）と上限額・対象を確かめてください" });
            if (p.Caps.Count > 1 && rateChoices.Count > 1)
                review.Unsure.Add(new() { Field = "caps", Reason = "上限額は文書全体から集めたものです。このメニューに当てはまらないものを削除してください" });
            foreach (var skipped in r.Dropped)
                review.Unsure.Add(new() { Field = skipped.Field, Reason = $"「{skipped.Quote}」から読んだ値をその引用が裏づけないため外しました" });
            p.Draft = review;
            records.Add(p);
        }
        return records;
    }

    private static string? KindOfRate(string quote) =>
        quote.Contains("補助", StringComparison.Ordinal) ? "補助金" : quote.Contains("交付", StringComparison.Ordinal) ? "交付金" : null;

    // The fields a reviewer expects filled; the draft lists the empty ones as missing.
    private static IEnumerable<(string Field, bool Absent)> Expected(ProgramRecord p)
    {
        yield return ("name", string.IsNullOrEmpty(p.Name));
        yield return ("ministry", string.IsNullOrEmpty(p.Ministry));
        yield return ("fiscalYears", p.FiscalYears.Count == 0);
        yield return ("kinds", p.Kinds.Count == 0);
        yield return ("rate", p.Rate is null);
        yield return ("caps", p.Caps.Count == 0);
        yield return ("windows", p.Windows.Count == 0);
        yield return ("applicants", p.Applicants.Count == 0);
        yield return ("contacts", p.Contacts.Count == 0);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    // An id from the source's file name (ASCII words), else a short hash of the name; numbered per rate.
    private static string Slug(string? name, string sourceName, int index, int count)
    {
        var stem = NotSlug().Replace(Path.GetFileNameWithoutExtension(sourceName).ToLowerInvariant(), "-").Trim('-');
        if (stem.Length < 3)
            stem = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name ?? sourceName)))[..10].ToLowerInvariant();
        return "draft-" + stem + (count > 1 ? $"-{index + 1}" : "");
    }
}
