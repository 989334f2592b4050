using Lucene.Net.Util;

namespace Catalog.Core.Search;

/// <summary>Field names and constants of the search index: the one place the mapping is named.</summary>
public static class SearchSchema
{
    /// <summary>The one Lucene compatibility version used by every analyzer and writer.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Bumped whenever the document mapping or the analysis changes, so an index built by an
    /// older build is rebuilt on start instead of being searched with the wrong analysis.
    /// </summary>
    public const int Format = 5;

    public const string Id = "id";
    public const string Json = "json";

    // Analyzed text, searched with per-field boosts (see QueryBuilder).
    public const string Name = "name";
    public const string Aliases = "aliases";
    public const string Tags = "tags";
    public const string Org = "org";
    public const string Body = "body";
    public const string Adoptions = "adoptions";
    /// <summary>Every text field again as CJK bigrams plus unigrams: recall for words no dictionary knows.</summary>
    public const string Bigram = "bigram";
    /// <summary>Name and aliases as katakana readings, so kana queries find kanji names.</summary>
    public const string Reading = "reading";

    // Doc values for filtering, facet counting and sorting.
    public const string FacetMinistry = "f_ministry";
    public const string FacetKind = "f_kind";
    public const string FacetField = "f_field";
    /// <summary>Applicant classes a program is open to, closed downwards (市区町村 adds 中枢中核都市).</summary>
    public const string FacetApplicant = "f_applicant";
    public const string FacetLevel = "f_level";
    public const string FacetFiscalYear = "f_fy";
    /// <summary>補助率の種類 (定額, 定率) by <see cref="Programs.RateKindFacet"/>'s rule.</summary>
    public const string FacetRateKind = "f_ratekind";
    /// <summary>The program's family (familyKey): its yearly calls give the next call's forecast.</summary>
    public const string Family = "s_family";
    /// <summary>Highest rate × 10,000, or -1.</summary>
    public const string RateMax = "n_rate";
    /// <summary>Highest cap in yen, or -1.</summary>
    public const string CapMax = "n_cap";
    public const string IdRank = "n_idrank";
    public const string NameRank = "n_namerank";
    /// <summary>The last moment of the program's last fiscal year (UTC ticks), or <see cref="long.MaxValue"/>: when it ends (終了).</summary>
    public const string FiscalEnd = "n_fyend";
    /// <summary>Application windows as (start, end, yearRound) triples of UTC ticks.</summary>
    public const string Windows = "b_windows";

    public static readonly string[] TextFields = [Name, Aliases, Tags, Org, Body, Adoptions];
}
