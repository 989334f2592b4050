namespace Catalog.Core.Programs;

/// <summary>
/// The eligibility a program's text states, made machine-readable beside the text (which stays as
/// written in <see cref="ProgramRecord.Requirements"/>). Applicant classes, caps per class and windows
/// are already fields of the record; this adds what they cannot say: finer municipal classes and
/// rules that depend on a municipality's history. Only what the source states is written here.
/// </summary>
public sealed class Eligibility
{
    /// <summary>Municipal classes the program is limited to (市, 町, 村, 特別区, 政令指定都市 …); empty = as applicants say.</summary>
    public List<string> Classes { get; set; } = [];
    /// <summary>Municipal classes the program names as excluded.</summary>
    public List<string> ExcludedClasses { get; set; } = [];
    public List<EligibilityRule> Rules { get; set; } = [];
    public Source? Source { get; set; }
}

/// <summary>One rule about a municipality's history with another program (or this one).</summary>
public sealed class EligibilityRule
{
    public const string NotAdopted = "notAdopted";
    public const string SupportPeriod = "supportPeriod";
    public static readonly IReadOnlyList<string> Kinds = [NotAdopted, SupportPeriod];

    /// <summary>
    /// notAdopted: not eligible once adopted by the program (in the years given, or ever);
    /// supportPeriod: support lasts <see cref="Years"/> 年度 from the first adoption (+ <see cref="ExtensionYears"/> on request).
    /// </summary>
    public string Kind { get; set; } = "";
    /// <summary>The program the rule looks at; or <see cref="FamilyKey"/> for all its variants and rounds.</summary>
    public string? ProgramId { get; set; }
    public string? FamilyKey { get; set; }
    /// <summary>年度 of the adoptions that count (Gregorian start year); empty = any.</summary>
    public List<int> FiscalYears { get; set; } = [];
    public int? Years { get; set; }
    public int? ExtensionYears { get; set; }
    /// <summary>The source's own words.</summary>
    public string Text { get; set; } = "";
}
