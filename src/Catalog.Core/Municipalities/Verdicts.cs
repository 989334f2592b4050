using System.Globalization;
using Catalog.Core.Programs;

namespace Catalog.Core.Municipalities;

/// <summary>What a program means for one municipality at one moment.</summary>
public sealed record Verdict(
    string ProgramId, string ProgramName, string Outcome, IReadOnlyList<VerdictReason> Reasons,
    string? MatchedClass, VerdictCap? Cap, string? WindowStatus, string? NextDeadline, int? DaysLeft, string AsOf)
{
    public const string Eligible = "対象";
    public const string NotEligible = "対象外";
    public const string Check = "要確認";
    /// <summary>The program's last fiscal year is over and no call lies ahead: not a verdict about the city.</summary>
    public const string Ended = "終了";
    /// <summary>The record lacks a fact a verdict needs (its applicants): a gap in the catalogue for staff to fill, not a verdict about the city.</summary>
    public const string DataGap = "記載不足";
}

/// <summary>One rule that was applied, what it decided, and the fact it decided on.</summary>
/// <param name="Rule">申請主体, 区分, 上限額, 公募期間, 採択歴 or 支援期間.</param>
/// <param name="Effect">ok (satisfied), excluded (makes it 対象外), unknown (a fact is missing: 要確認) or info.</param>
public sealed record VerdictReason(string Rule, string Effect, string Fact, string? Class = null, string? ProgramId = null, int? FiscalYear = null)
{
    public const string Ok = "ok";
    public const string Excluded = "excluded";
    public const string Unknown = "unknown";
    public const string Info = "info";
    /// <summary>The record itself lacks the fact (記載不足): staff should fill it.</summary>
    public const string Gap = "gap";
}

/// <summary>The cap that applies to the municipality's class (several when the source gives several, e.g. per year and per project).</summary>
public sealed record VerdictCap(string? Class, IReadOnlyList<string> Texts, long? AmountYen);

/// <summary>
/// Which adoption lists the catalogue holds completely: a program's list for a 年度 is complete
/// when it has as many rows as the program's stated selection count for that 年度. Only then can
/// "not adopted" be a fact rather than a gap in the data.
/// </summary>
public sealed class AdoptionLedger
{
    private readonly Dictionary<string, ProgramRecord> _programs;
    private readonly Dictionary<(string, int), int> _rows = [];

    public AdoptionLedger(IEnumerable<ProgramRecord> programs, IEnumerable<AdoptionRow> adoptions)
    {
        _programs = programs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var a in adoptions)
            if (a.Adoption.FiscalYear is { } y) _rows[(a.ProgramId, y)] = _rows.GetValueOrDefault((a.ProgramId, y)) + 1;
    }

    public IEnumerable<ProgramRecord> Programs => _programs.Values;
    public ProgramRecord? Program(string id) => _programs.GetValueOrDefault(id);

    /// <summary>Null when the list of <paramref name="programId"/> for <paramref name="year"/> is complete; otherwise why not.</summary>
    public string? Gap(string programId, int year)
    {
        var stated = _programs.GetValueOrDefault(programId)?.Selections.FirstOrDefault(s => s.FiscalYear == year)?.Count;
        var rows = _rows.GetValueOrDefault((programId, year));
        if (stated is null) return $"{year}年度の採択件数の記載がなく、採択一覧が揃っているか分からない";
        return rows >= stated ? null : $"{year}年度の採択{stated}件のうち{rows}件しか収録していない";
    }
}

/// <summary>
/// Decides 対象 / 対象外 / 要確認 for one program and one municipality at <c>asOf</c>, from the
/// program's record (applicants, caps, windows, eligibility rules), the municipality's class facts
/// and its adoption history. Pure: everything it needs is given. Any excluding reason makes it
/// 対象外; otherwise any missing fact makes it 要確認; 対象 only when every rule was satisfied by a
/// stated fact — never by default.
/// </summary>
public static class VerdictEngine
{
    private const string LocalGovernment = "地方公共団体";

    public static Verdict Decide(ProgramRecord program, Municipality m, Func<string, ClassFact> fact,
        IReadOnlyList<AdoptionRow> history, AdoptionLedger ledger, DateTimeOffset asOf)
    {
        var reasons = new List<VerdictReason>();
        Area(program, m, reasons);
        var matched = Applicant(program, m, fact, reasons);
        Classes(program, m, fact, reasons);
        var cap = CapFor(program, m, fact, reasons);
        var status = ProgramStatus.At(program, asOf);
        Window(program, status, asOf, reasons);
        foreach (var rule in program.Eligibility?.Rules ?? [])
            History(rule, m, history, ledger, asOf, reasons);

        // An ended program is over for everyone: that comes before any rule about the city.
        var outcome = status.Status == Vocabulary.Statuses[ProgramStatus.Ended] ? Verdict.Ended
            : reasons.Any(r => r.Effect == VerdictReason.Excluded) ? Verdict.NotEligible
            : reasons.Any(r => r.Effect == VerdictReason.Gap) ? Verdict.DataGap
            : reasons.Any(r => r.Effect == VerdictReason.Unknown) || matched is null ? Verdict.Check
            : Verdict.Eligible;
        return new Verdict(program.Id, program.Name, outcome, reasons, matched, cap, status.Status,
            status.NextDeadline is { } d ? Search.SearchFormat.Time(d) : null, ProgramStatus.DaysLeft(status.NextDeadline, asOf),
            Search.SearchFormat.Time(asOf));
    }

    /// <summary>Open and eligible first (soonest deadline first), then upcoming, then 要確認, then 対象外; by name within.</summary>
    public static IEnumerable<Verdict> Ordered(IEnumerable<Verdict> verdicts) =>
        verdicts.OrderBy(Rank).ThenBy(v => v.DaysLeft ?? int.MaxValue).ThenBy(v => v.ProgramName, StringComparer.Ordinal).ThenBy(v => v.ProgramId, StringComparer.Ordinal);

    private static int Rank(Verdict v) => v.Outcome switch
    {
        Verdict.Eligible when v.WindowStatus is "受付中" or "通年" => 0,
        Verdict.Eligible => 1,
        Verdict.Check => 2,
        Verdict.DataGap => 3,
        Verdict.NotEligible => 4,
        _ => 5,
    };

    /// <summary>
    /// A municipality's own program (実施レベル 市区町村, run by that city) is for its own area:
    /// 対象外 for every other municipality; for its own city the other rules decide.
    /// </summary>
    private static void Area(ProgramRecord p, Municipality m, List<VerdictReason> reasons)
    {
        if (p.Level != "municipal") return;
        // A municipal record names its city as 所管 (常総市) and the section as organization.
        var runner = new[] { p.Ministry, p.Organization }.FirstOrDefault(n => n is { Length: > 1 } && "市町村区".Contains(n[^1]));
        if (runner is null || runner == m.Name) return;
        reasons.Add(new("実施団体", VerdictReason.Excluded, $"{runner}の事業（対象は市内）"));
    }

    // The applicant classes of the record that can hold this entity, most specific first.
    private static string[] Chain(Municipality m) => m.IsPrefecture
        ? [MunicipalClasses.Prefecture, LocalGovernment]
        : [MunicipalClasses.CentralCoreCity, MunicipalClasses.CoreCity, MunicipalClasses.Municipality, LocalGovernment];

    private static Membership MemberOf(string cls, Municipality m, Func<string, ClassFact> fact) =>
        cls == LocalGovernment ? Membership.Member : fact(cls).Membership;

    private static string? Applicant(ProgramRecord p, Municipality m, Func<string, ClassFact> fact, List<VerdictReason> reasons)
    {
        const string rule = "申請主体";
        if (p.Applicants.Count == 0)
        {
            reasons.Add(new(rule, VerdictReason.Gap, "制度の記録に申請主体の記載がない（記載不足：出典で確認して補う）"));
            return null;
        }
        var listed = string.Join("・", p.Applicants);
        string? unknown = null;
        foreach (var cls in Chain(m).Reverse()) // the broadest class that admits it is the plainest reason
        {
            if (!p.Applicants.Contains(cls)) continue;
            switch (MemberOf(cls, m, fact))
            {
                case Membership.Member:
                    var source = cls == LocalGovernment ? "" : SourceNote(fact(cls));
                    reasons.Add(new(rule, VerdictReason.Ok, $"申請主体「{listed}」に{m.Name}が当たる（{cls}{source}）", cls));
                    return cls;
                case Membership.Unknown:
                    unknown ??= cls;
                    break;
            }
        }
        if (unknown is not null)
        {
            reasons.Add(new(rule, VerdictReason.Unknown, $"申請主体は「{listed}」。{m.Name}が{unknown}かどうかの一覧がない（{fact(unknown).Note}）", unknown));
            return null;
        }
        reasons.Add(new(rule, VerdictReason.Excluded, $"申請主体は「{listed}」で、{m.Name}（{m.Kind}）は当たらない"));
        return null;
    }

    private static void Classes(ProgramRecord p, Municipality m, Func<string, ClassFact> fact, List<VerdictReason> reasons)
    {
        const string rule = "区分";
        if (p.Eligibility is not { } e) return;
        if (e.Classes.Count > 0)
        {
            var facts = e.Classes.Select(fact).ToList();
            var listed = string.Join("・", e.Classes);
            if (facts.FirstOrDefault(f => f.Membership == Membership.Member) is { } hit)
                reasons.Add(new(rule, VerdictReason.Ok, $"対象の区分「{listed}」に当たる（{hit.Class}{SourceNote(hit)}）", hit.Class));
            else if (facts.FirstOrDefault(f => f.Membership == Membership.Unknown) is { } gap)
                reasons.Add(new(rule, VerdictReason.Unknown, $"対象の区分は「{listed}」。{m.Name}が{gap.Class}かどうかの一覧がない", gap.Class));
            else
                reasons.Add(new(rule, VerdictReason.Excluded, $"対象の区分は「{listed}」で、{m.Name}（{m.Kind}）は当たらない"));
        }
        foreach (var cls in e.ExcludedClasses)
        {
            var f = fact(cls);
            if (f.Membership == Membership.Member) reasons.Add(new(rule, VerdictReason.Excluded, $"{cls}は対象外とされ、{m.Name}は{cls}{SourceNote(f)}", cls));
            else if (f.Membership == Membership.Unknown) reasons.Add(new(rule, VerdictReason.Unknown, $"{cls}は対象外とされるが、{m.Name}が{cls}かどうかの一覧がない", cls));
        }
    }

    private static VerdictCap? CapFor(ProgramRecord p, Municipality m, Func<string, ClassFact> fact, List<VerdictReason> reasons)
    {
        const string rule = "上限額";
        if (p.Caps.Count == 0)
        {
            reasons.Add(new(rule, VerdictReason.Info, "上限額の記載なし"));
            return null;
        }
        List<Cap>? undecided = null;
        string? undecidedClass = null;
        foreach (var cls in Chain(m).Append(""))
        {
            var caps = p.Caps.Where(c => (c.Applicant ?? "") == cls).ToList();
            if (caps.Count == 0) continue;
            var membership = cls == "" ? Membership.Member : MemberOf(cls, m, fact);
            if (membership == Membership.NotMember) continue;
            if (membership == Membership.Unknown) { undecided ??= caps; undecidedClass ??= cls; continue; }
            var texts = caps.Select(Describe).ToList();
            var label = cls == "" ? "全申請者" : cls;
            if (undecided is not null)
            {
                reasons.Add(new(rule, VerdictReason.Unknown,
                    $"{undecidedClass}なら{string.Join("、", undecided.Select(Describe))}、そうでなければ{string.Join("、", texts)}。{m.Name}が{undecidedClass}かどうかの一覧がない", undecidedClass));
                return new VerdictCap(null, [], null);
            }
            var source = cls is "" or LocalGovernment ? "" : SourceNote(fact(cls));
            reasons.Add(new(rule, VerdictReason.Ok, $"{label}の上限額 {string.Join("、", texts)}{source}", cls == "" ? null : cls));
            return new VerdictCap(cls == "" ? null : cls, texts, caps.Select(c => c.AmountYen).FirstOrDefault(a => a is not null));
        }
        if (undecided is not null)
        {
            reasons.Add(new(rule, VerdictReason.Unknown, $"{undecidedClass}の上限額 {string.Join("、", undecided.Select(Describe))} のみ記載。{m.Name}が{undecidedClass}かどうかの一覧がない", undecidedClass));
            return new VerdictCap(null, [], null);
        }
        reasons.Add(new(rule, VerdictReason.Info, $"{m.Name}の区分に当たる上限額の記載なし（{string.Join("、", p.Caps.Select(c => $"{c.Applicant ?? "全申請者"} {c.Text}"))}）"));
        return null;
    }

    private static string Describe(Cap c) => c.Per switch
    {
        "year" => $"{c.Text}／年度",
        "project" => $"{c.Text}／事業",
        _ => c.Text,
    };

    private static void Window(ProgramRecord p, ProgramStatus status, DateTimeOffset asOf, List<VerdictReason> reasons)
    {
        const string rule = "公募期間";
        switch (status.Status)
        {
            case null:
                reasons.Add(new(rule, VerdictReason.Unknown, "公募期間の記載がない"));
                break;
            case "通年":
                reasons.Add(new(rule, VerdictReason.Ok, "通年で受付"));
                break;
            case "受付中":
                var days = ProgramStatus.DaysLeft(status.NextDeadline, asOf);
                reasons.Add(new(rule, VerdictReason.Ok, status.NextDeadline is { } d
                    ? $"受付中。締切 {Day(d)}（残り{days}日）" : "受付中（締切の記載なし）"));
                break;
            case "予告":
                var opens = p.Windows.Select(w => ProgramStatus.TryParseTime(w.Start)).Where(s => s > asOf).Min();
                reasons.Add(new(rule, VerdictReason.Ok, opens is { } o ? $"受付開始 {Day(o)}（予告）" : "受付開始前（予告）"));
                break;
            case "終了":
                var last = p.FiscalYears.Max();
                reasons.Add(new(rule, VerdictReason.Info, $"{Notation.Wareki.FormatFiscalYear(last)}で終了（以降の公募の記載なし）", FiscalYear: last));
                break;
            default:
                var closed = p.Windows.Select(w => ProgramStatus.TryParseTime(w.End)).Max();
                reasons.Add(new(rule, VerdictReason.Excluded, closed is { } c ? $"受付は{Day(c)}に締切" : "受付は締切"));
                break;
        }
    }

    private static void History(EligibilityRule rule, Municipality m, IReadOnlyList<AdoptionRow> history, AdoptionLedger ledger, DateTimeOffset asOf, List<VerdictReason> reasons)
    {
        bool Counts(AdoptionRow a) => rule.ProgramId is not null ? a.ProgramId == rule.ProgramId : a.FamilyKey == rule.FamilyKey;
        var target = rule.ProgramId is not null ? ledger.Program(rule.ProgramId)?.Name ?? rule.ProgramId : FamilyName(ledger, rule.FamilyKey!);
        var mine = history.Where(Counts).ToList();

        if (rule.Kind == EligibilityRule.NotAdopted)
        {
            const string name = "採択歴";
            var inYears = mine.Where(a => rule.FiscalYears.Count == 0 || a.Adoption.FiscalYear is { } y && rule.FiscalYears.Contains(y)).ToList();
            if (inYears.FirstOrDefault() is { } hit)
            {
                reasons.Add(new(name, VerdictReason.Excluded,
                    $"「{rule.Text}」に当たる：{m.Name}は{hit.ProgramName}に{Year(hit.Adoption.FiscalYear)}採択{(hit.Adoption.Title is { } t ? $"（{t}）" : "")}",
                    ProgramId: hit.ProgramId, FiscalYear: hit.Adoption.FiscalYear));
                return;
            }
            if (rule.FiscalYears.Count > 0 && mine.FirstOrDefault(a => a.Adoption.FiscalYear is null) is { } undated)
            {
                reasons.Add(new(name, VerdictReason.Unknown, $"「{rule.Text}」：{m.Name}に{undated.ProgramName}の採択があるが年度の記載がない", ProgramId: undated.ProgramId));
                return;
            }
            // Not found: a fact only where the catalogue holds the whole list of those years.
            var programs = ledger.Programs.Where(p => rule.ProgramId is not null ? p.Id == rule.ProgramId : p.FamilyKey == rule.FamilyKey).Select(p => p.Id).ToList();
            var years = rule.FiscalYears.Count > 0 ? rule.FiscalYears : programs.SelectMany(id => ledger.Program(id)!.Selections.Select(s => s.FiscalYear)).Distinct().ToList();
            var gaps = years.Count == 0 ? [$"{target}の採択年度が分からない"]
                : years.Select(y => YearGap(ledger, programs, target, y)).Where(g => g is not null).ToList();
            if (gaps.Count > 0)
                reasons.Add(new(name, VerdictReason.Unknown, $"「{rule.Text}」：カタログに{m.Name}の採択はないが、{string.Join("。", gaps)}"));
            else
                reasons.Add(new(name, VerdictReason.Ok, $"「{rule.Text}」：{target}の{string.Join("・", years.Select(Year))}の採択一覧に{m.Name}はない"));
            return;
        }

        if (rule.Kind == EligibilityRule.SupportPeriod)
        {
            const string name = "支援期間";
            var first = mine.Select(a => a.Adoption.FiscalYear).Where(y => y is not null).Min();
            if (mine.Count == 0) return; // the rule only speaks of municipalities already adopted
            if (first is not { } f)
            {
                reasons.Add(new(name, VerdictReason.Info, $"「{rule.Text}」：{m.Name}は{target}に採択されているが年度の記載がない", ProgramId: mine[0].ProgramId));
                return;
            }
            var end = f + rule.Years!.Value - 1;
            var extended = rule.ExtensionYears is > 0 ? $"、延長で{Year(end + rule.ExtensionYears.Value)}まで" : "";
            var now = Notation.Wareki.FiscalYearOf(DateOnly.FromDateTime(asOf.ToOffset(ProgramStatus.Jst).DateTime));
            var state = now <= end ? "支援期間中" : "支援期間を過ぎている";
            reasons.Add(new(name, VerdictReason.Info, $"{m.Name}は{Year(f)}に初めて採択：支援は{Year(end)}まで{extended}（{Year(now)}は{state}）", ProgramId: mine[0].ProgramId, FiscalYear: f));
        }
    }

    // Null when one of the programs holds the year's whole list; else why the list may be incomplete.
    private static string? YearGap(AdoptionLedger ledger, List<string> programs, string target, int year)
    {
        var gaps = programs.Select(id => ledger.Gap(id, year)).ToList();
        if (gaps.Any(g => g is null)) return null;
        return $"{target}：{gaps.FirstOrDefault() ?? $"{year}年度の採択一覧がない"}";
    }

    private static string FamilyName(AdoptionLedger ledger, string familyKey) =>
        ledger.Programs.Where(p => p.FamilyKey == familyKey).Select(p => p.Aliases.LastOrDefault() ?? p.Name).FirstOrDefault() ?? familyKey;

    // 年度 in the sentences staff read: 令和3年度, as the rest of the page writes it.
    private static string Year(int? y) => y is { } v ? Notation.Wareki.FormatFiscalYear(v) : "（年度不明）";

    private static string Year(int y) => Notation.Wareki.FormatFiscalYear(y);

    // Reasons are Japanese sentences: their dates read 令和6年5月31日; the machine-readable fields stay ISO.
    private static string Day(DateTimeOffset t) => Notation.Wareki.FormatDate(DateOnly.FromDateTime(t.ToOffset(ProgramStatus.Jst).DateTime));

    private static string Day(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Notation.Wareki.FormatDate(d) : isoDate;

    // Kinds (市, 町 …) speak for themselves; a designation (政令指定都市 …) names its list and date.
    private static string SourceNote(ClassFact f) => f.Source is null || !MunicipalClasses.CityOnly.Contains(f.Class) ? ""
        : $"、出典: {f.Source}{(f.AsOf is null ? "" : $"（{Day(f.AsOf)}時点）")}";
}
