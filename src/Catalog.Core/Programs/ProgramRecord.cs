using System.Text.Json.Serialization;

namespace Catalog.Core.Programs;

/// <summary>
/// One support program (or one variant of it where rates and caps differ), as written in
/// <c>seed/</c> and in the export. Fields marked "derived" are computed by the importer from
/// the source texts; a seed file may leave them out, and the importer overwrites them.
/// </summary>
public sealed class ProgramRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    /// <summary>Groups the variants and yearly rounds of one program (e.g. all 地方創生推進交付金 types).</summary>
    public string FamilyKey { get; set; } = "";
    /// <summary>Variant label within the family (先駆タイプ, TYPE1 …), if any.</summary>
    public string? Variant { get; set; }
    /// <summary>年度 as the Gregorian year the fiscal year starts (令和3年度 = 2021).</summary>
    [JsonConverter(typeof(FiscalYearListConverter))]
    public List<int> FiscalYears { get; set; } = [];
    public string Level { get; set; } = "";
    public string Ministry { get; set; } = "";
    public string? Bureau { get; set; }
    public string? Division { get; set; }
    /// <summary>Who runs it when it is not a ministry (a city, an association).</summary>
    public string? Organization { get; set; }
    public List<string> Kinds { get; set; } = [];
    public List<string> Fields { get; set; } = [];
    public string? Summary { get; set; }
    public string? Purpose { get; set; }
    public string? SupportContent { get; set; }
    public SubsidyRate? Rate { get; set; }
    public List<Cap> Caps { get; set; } = [];
    public Budget? Budget { get; set; }
    public string? MaxDurationText { get; set; }
    /// <summary>Derived from <see cref="MaxDurationText"/> (最長5か年度 → 5).</summary>
    public int? MaxDurationYears { get; set; }
    public string? ApplicationLimit { get; set; }
    public List<string> Applicants { get; set; } = [];
    public List<string> Requirements { get; set; } = [];
    public List<ApplicationWindow> Windows { get; set; } = [];
    public List<SelectionCount> Selections { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<RelatedProgram> Related { get; set; } = [];
    /// <summary>Per-field evidence: a verbatim quote from a source document, or another stated basis.</summary>
    public List<Evidence> Evidence { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public string? Url { get; set; }
    public string? Notes { get; set; }
    /// <summary>
    /// Notes of whoever transcribed the record (what the source lacks, how a value was normalised):
    /// kept in the record, the export and the workbook, never searched and never shown on the public pages.
    /// </summary>
    public string? EditorialNotes { get; set; }
    /// <summary>Adoptions (採択) of this program. In seed files they live in adoption tables.</summary>
    public List<Adoption> Adoptions { get; set; } = [];
    /// <summary>Machine-readable eligibility beyond applicants, caps and windows (#9); absent where the source states none.</summary>
    public Eligibility? Eligibility { get; set; }
    /// <summary>Only in a file written by <c>draft</c> and not yet reviewed: the importer refuses it while it lists anything, and never stores it.</summary>
    public DraftReview? Draft { get; set; }
}

public sealed class SubsidyRate
{
    /// <summary>As the source writes it: 1/2, 1/2以内, 定額, 定額、または2/3.</summary>
    public string Text { get; set; } = "";
    /// <summary>Derived: fraction, fixed, tiered, none.</summary>
    public string? Kind { get; set; }
    /// <summary>Derived: the highest fraction the text allows, 0–1 (定額 alone gives none).</summary>
    public decimal? Max { get; set; }
    /// <summary>Derived: every fraction the text names, in order.</summary>
    public List<decimal> Fractions { get; set; } = [];
}

public sealed class Cap
{
    /// <summary>Applicant class this cap applies to (都道府県, 市区町村 …); empty for everyone.</summary>
    public string? Applicant { get; set; }
    /// <summary>As the source writes it: 3.0億円, 10,000千円, 上限の定めなし.</summary>
    public string Text { get; set; } = "";
    /// <summary>Derived: the amount in yen, when the text states one.</summary>
    public long? AmountYen { get; set; }
    /// <summary>year, project or total.</summary>
    public string? Per { get; set; }
    public string? Note { get; set; }
}

public sealed class Budget
{
    public string Text { get; set; } = "";
    public int? FiscalYear { get; set; }
    /// <summary>Derived: the amount in yen.</summary>
    public long? AmountYen { get; set; }
    /// <summary>Derived: true when the amount is part of a larger budget line (…の内数).</summary>
    public bool PartOfLarger { get; set; }
}

public sealed class ApplicationWindow
{
    public string? Round { get; set; }
    /// <summary>ISO 8601 with +09:00 offset; 和暦 accepted on import and normalised.</summary>
    public string? Start { get; set; }
    /// <summary>ISO 8601 with +09:00 offset; a date alone means the end of that day (JST).</summary>
    public string? End { get; set; }
    public string? Method { get; set; }
    public string? Note { get; set; }
    /// <summary>Open all year (通年): no end.</summary>
    public bool YearRound { get; set; }
}

public sealed class SelectionCount
{
    public int FiscalYear { get; set; }
    public int Count { get; set; }
    public string? Note { get; set; }
}

public sealed class Contact
{
    public string? Division { get; set; }
    public string? Phone { get; set; }
    /// <summary>Kept as the source writes it, including obfuscation such as (atmark).</summary>
    public string? Email { get; set; }
    public string? Note { get; set; }
}

public sealed class RelatedProgram
{
    public string Id { get; set; } = "";
    /// <summary>合同審査, 後継, 前身, 関連 …</summary>
    public string Relation { get; set; } = "";
}

public sealed class Source
{
    /// <summary>File name of the seed document, e.g. 002_73909b06327bf539.txt.</summary>
    public string Document { get; set; } = "";
    public string? Section { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
}

public sealed class Adoption
{
    /// <summary>Only in adoption tables; embedded adoptions belong to their program.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProgramId { get; set; }
    /// <summary>年度 of the adoption; empty where the source gives no year.</summary>
    public int? FiscalYear { get; set; }
    public string? Prefecture { get; set; }
    public string Municipality { get; set; } = "";
    /// <summary>全国地方公共団体コード (6 digits, text), when known.</summary>
    public string? LgCode { get; set; }
    /// <summary>Derived: the codes of every prefecture or municipality the row names, resolved from the master.</summary>
    public List<string> LgCodes { get; set; } = [];
    /// <summary>municipality, prefecture or area (an area must be marked in the seed; the rest is derived).</summary>
    public string? Scope { get; set; }
    public string? Title { get; set; }
    public string? Technology { get; set; }
    public string? Note { get; set; }
    /// <summary>Evidence for this row's values (paths relative to the row: municipality, fiscalYear, title).</summary>
    public List<Evidence> Evidence { get; set; } = [];
    public Source? Source { get; set; }
}
