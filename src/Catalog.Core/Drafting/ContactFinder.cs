using System.Text.RegularExpressions;
using Catalog.Core.Programs;

namespace Catalog.Core.Drafting;

/// <summary>The official contact: the office, phone and mail written in the 問い合わせ先 block.</summary>
public static partial class ContactFinder
{
    private static readonly string[] Labels = ["問い合わせ先", "問合せ先", "問合わせ先", "お問い合わせ", "お問合せ", "連絡先", "照会先"];

    [GeneratedRegex(@"[一-龥ァ-ヶー・]{2,30}?(?:課|室|係|センター|事務局)(?![一-龥ァ-ヶ])")]
    private static partial Regex Division();

    [GeneratedRegex(@"(?:TEL|Tel|tel|ＴＥＬ|電話(?:番号)?|℡)\s*[:：.．]?\s*(?<n>[0-9０-９]{2,5}\s*[-－‐ー(（]\s*[0-9０-９]{1,4}\s*[-－‐ー)）]\s*[0-9０-９]{3,4})")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._-]+\s*(?:@|＠|\(at\)|\(atmark\)|（atmark）|\[at\]|（アットマーク）|\(アットマーク\))\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")]
    private static partial Regex Mail();

    /// <summary>The contact and the line its block starts at (-1 when the document has none).</summary>
    public static (Found<Contact>? Contact, int Line) Find(DocumentLines doc)
    {
        foreach (var (line, at, _) in doc.FindLabels(Labels))
        {
            var contact = new Contact();
            var last = -1;
            for (var i = line; i < Math.Min(doc.Lines.Count, line + 8); i++)
            {
                var text = i == line ? doc.Lines[i][at..] : doc.Lines[i];
                if (contact.Division is null && Division().Match(text) is { Success: true } d) { contact.Division = d.Value; last = i; }
                if (contact.Phone is null && Phone().Match(text) is { Success: true } p) { contact.Phone = p.Groups["n"].Value; last = i; }
                if (contact.Email is null && Mail().Match(text) is { Success: true } m) { contact.Email = m.Value; last = i; }
            }
            if (contact.Phone is null && contact.Email is null) continue; // an office named without a way to reach it is not a contact
            var quote = string.Join("\n", Enumerable.Range(line, last - line + 1).Select(i => i == line ? doc.Lines[i][at..].Trim() : doc.Lines[i].Trim()));
            return (new(contact, quote), line);
        }
        return (null, -1);
    }
}
