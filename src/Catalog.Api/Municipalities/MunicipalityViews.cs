using Catalog.Core.Municipalities;

namespace Catalog.Api.Municipalities;

/// <summary>A municipality in a list: enough to tell it apart and to know its classes.</summary>
public sealed record MunicipalitySummary(string Code, string Name, string Kana, string Kind, PrefectureRef Prefecture,
    IReadOnlyList<string> Classes, IReadOnlyList<string> UnknownClasses)
{
    public static MunicipalitySummary Of(Municipality m, MunicipalityDirectory d)
    {
        var facts = d.Facts(m);
        return new(m.Code, m.Name, m.Kana, m.Kind, new PrefectureRef(m.PrefectureCode ?? m.Code, m.PrefectureName),
            facts.Where(f => f.Membership == Membership.Member).Select(f => f.Class).ToList(),
            facts.Where(f => f.Membership == Membership.Unknown).Select(f => f.Class).ToList());
    }
}

public sealed record PrefectureRef(string Code, string Name);

/// <summary>One of the places an ambiguous name could mean, in a 400's "candidates".</summary>
public sealed record MunicipalityCandidate(string Code, string Name, string Prefecture);

public sealed record MunicipalitySearchResponse(string Query, IReadOnlyList<MunicipalitySummary> Municipalities);

public sealed record MasterInfo(string Source, string? Version, string? Published, string? License);

public sealed record ClassView(string Class, string Membership, string? Source, string? AsOf, string? Note);

/// <summary>An adoption as the municipality views show it.</summary>
public sealed record AdoptionView(string ProgramId, string ProgramName, int? FiscalYear, string? Prefecture, string Municipality,
    string? Scope, IReadOnlyList<string> LgCodes, string? Title, string? Note)
{
    public static AdoptionView Of(AdoptionRow r) => new(r.ProgramId, r.ProgramName, r.Adoption.FiscalYear, r.Adoption.Prefecture,
        r.Adoption.Municipality, r.Adoption.Scope, r.Adoption.LgCodes, r.Adoption.Title, r.Adoption.Note);
}

/// <summary>A program a peer was adopted by, once per peer, with the fiscal years of its adoptions (ascending; empty when none is recorded).</summary>
public sealed record PeerAdoption(string ProgramId, string ProgramName, IReadOnlyList<int> FiscalYears);

/// <summary>
/// Another municipality adopted by a program this one was adopted by, in the same or an adjacent
/// prefecture and of the same class; <c>Because</c> says both.
/// </summary>
public sealed record PeerView(string Code, string Name, PrefectureRef Prefecture, IReadOnlyList<string> Because, IReadOnlyList<PeerAdoption> Adoptions);

public sealed record MunicipalityDetail(MunicipalitySummary Municipality, MasterInfo Master, IReadOnlyList<ClassView> Classes,
    IReadOnlyList<AdoptionView> Adoptions, IReadOnlyList<PeerView> Peers);

/// <summary>Verdicts per outcome; <c>Ended</c> and <c>DataGap</c> are counted whether or not the list shows them.</summary>
public sealed record VerdictCounts(int Eligible, int Check, int NotEligible, int Ended = 0, int DataGap = 0);

/// <param name="EndedHidden">True when programs that have ended (終了) are left out of <c>Verdicts</c> (the default).</param>
public sealed record VerdictTable(MunicipalitySummary Municipality, string AsOf, VerdictCounts Counts, IReadOnlyList<Verdict> Verdicts, bool EndedHidden = false);

public sealed record FacetCount(string Value, string? Label, int Count);

public sealed record AdoptionFacets(IReadOnlyList<FacetCount> Prefecture, IReadOnlyList<FacetCount> Program, IReadOnlyList<FacetCount> FiscalYear);

public sealed record AdoptionSearchResponse(int Total, int Page, int PageSize, IReadOnlyList<AdoptionView> Adoptions, AdoptionFacets Facets);
