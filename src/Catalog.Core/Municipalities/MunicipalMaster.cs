namespace Catalog.Core.Municipalities;

/// <summary>
/// The municipality master as stored in seed/municipalities/*.json: where it comes from, the
/// class lists, and every prefecture and municipality.
/// </summary>
public sealed class MunicipalMaster
{
    public MasterSource Master { get; set; } = new();
    public List<ClassList> Classes { get; set; } = [];
    public List<MunicipalityEntry> Municipalities { get; set; } = [];
}

public sealed class MasterSource
{
    public string Source { get; set; } = "";
    public string? Package { get; set; }
    public string? Version { get; set; }
    /// <summary>Publication date of the source (ISO date): the "as of" of the code list.</summary>
    public string? Published { get; set; }
    public string? License { get; set; }
    public string? CodesSha256 { get; set; }
    public string? GeneratedBy { get; set; }
}

public sealed class ClassList
{
    public string Class { get; set; } = "";
    /// <summary>kind (every entry of that kind), members (the codes listed) or unknown.</summary>
    public string Basis { get; set; } = "";
    public string? Source { get; set; }
    /// <summary>ISO date the list is known to be true on.</summary>
    public string? AsOf { get; set; }
    public List<string> Members { get; set; } = [];
    public string? Note { get; set; }
}

public sealed class MunicipalityEntry
{
    /// <summary>全国地方公共団体コード, 6 digits with check digit.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Reading in hiragana, as the source gives it.</summary>
    public string Kana { get; set; } = "";
    /// <summary>都道府県, 市, 町, 村 or 特別区.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Code of the prefecture; absent for a prefecture.</summary>
    public string? Prefecture { get; set; }
}
