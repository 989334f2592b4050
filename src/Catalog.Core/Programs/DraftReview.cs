namespace Catalog.Core.Programs;

/// <summary>
/// The review block of a record written by <c>draft</c>: what it could not find and what it is
/// unsure of. A record that still carries items here is refused by the importer; a reviewer
/// resolves each item (fills the value, or accepts that the document is silent) and deletes it.
/// </summary>
public sealed class DraftReview
{
    /// <summary>Fields the document did not give (name, ministry, rate, caps, windows, applicants …).</summary>
    public List<string> Missing { get; set; } = [];
    public List<DraftDoubt> Unsure { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsResolved => Missing.Count == 0 && Unsure.Count == 0;

    /// <summary>"missing rate, caps; unsure windows[0] (…)" for the importer's message.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Missing.Count > 0) parts.Add("missing " + string.Join(", ", Missing));
        if (Unsure.Count > 0) parts.Add("unsure " + string.Join(", ", Unsure.Select(u => u.Field)));
        return string.Join("; ", parts);
    }
}

/// <summary>One value the draft proposes but doubts, and why (in Japanese, for the reviewer).</summary>
public sealed class DraftDoubt
{
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";
}
