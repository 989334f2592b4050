namespace Catalog.Core.Programs;

/// <summary>A program's caps (上限額) as the API, the export and the index read them.</summary>
public static class ProgramCaps
{
    /// <summary>The highest cap a record states, in yen.</summary>
    public static long? MaxYen(ProgramRecord p) =>
        p.Caps.Where(c => c.AmountYen is not null).Select(c => c.AmountYen).Max();

    /// <summary>Every cap as "applicant amount" (or the amount alone), joined with <paramref name="separator"/>; null without caps.</summary>
    public static string? Text(ProgramRecord p, string separator) =>
        p.Caps.Count == 0 ? null : string.Join(separator, p.Caps.Select(c => string.IsNullOrEmpty(c.Applicant) ? c.Text : $"{c.Applicant} {c.Text}"));
}
