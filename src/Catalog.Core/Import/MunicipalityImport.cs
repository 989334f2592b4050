using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Core.Municipalities;
using Catalog.Core.Programs;

namespace Catalog.Core.Import;

/// <summary>
/// Import of the municipality master and of what depends on it: every check names file, line and
/// field. The master is all or nothing like the rest; adoption rows get their codes here.
/// </summary>
internal static partial class MunicipalityImport
{
    [GeneratedRegex(@"^[\u3041-\u309F\u30FC]+$")]
    private static partial Regex Hiragana();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    public static MunicipalMaster? ReadMaster(InputRecord input, List<ImportError> errors)
    {
        MunicipalMaster master;
        try { master = input.Json.Deserialize<MunicipalMaster>(ProgramJson.Strict)!; }
        catch (JsonException e)
        {
            errors.Add(new(input.File, input.Lines.LineOf("$" + (e.Path ?? "").TrimStart('$')), null, e.Path?.TrimStart('$', '.'), e.Message.Split(" Path:")[0]));
            return null;
        }
        var before = errors.Count;
        void Error(string path, string? record, string field, string message) =>
            errors.Add(new(input.File, input.Lines.LineOf("$." + path), record, field, message));

        if (string.IsNullOrWhiteSpace(master.Master.Source)) Error("master.source", null, "master.source", "the master names its source");
        if (master.Master.Published is { } published && !IsoDate().IsMatch(published)) Error("master.published", null, "master.published", $"'{published}' is not an ISO date");

        var codes = new Dictionary<string, MunicipalityEntry>(StringComparer.Ordinal);
        for (var i = 0; i < master.Municipalities.Count; i++)
        {
            var e = master.Municipalities[i];
            var at = $"municipalities[{i}]";
            var record = string.IsNullOrEmpty(e.Code) ? null : e.Code;
            if (LgCode.Problem(e.Code) is { } why) Error(at + ".code", record, "code", why);
            else if (!codes.TryAdd(e.Code, e)) Error(at + ".code", record, "code", $"{e.Code} is listed twice");
            if (string.IsNullOrWhiteSpace(e.Name)) Error(at + ".name", record, "name", "is required");
            if (!Hiragana().IsMatch(e.Kana)) Error(at + ".kana", record, "kana", $"'{e.Kana}' is not a reading in hiragana");
            if (!MunicipalClasses.Kinds.Contains(e.Kind)) Error(at + ".kind", record, "kind", $"'{e.Kind}' is not one of: {string.Join(", ", MunicipalClasses.Kinds)}");
            if (e.Kind == MunicipalClasses.Prefecture && e.Prefecture is not null) Error(at + ".prefecture", record, "prefecture", "a prefecture belongs to no prefecture");
            if (e.Kind != MunicipalClasses.Prefecture && e.Prefecture is null) Error(at + ".prefecture", record, "prefecture", "a municipality names its prefecture's code");
        }
        for (var i = 0; i < master.Municipalities.Count; i++)
        {
            var e = master.Municipalities[i];
            if (e.Prefecture is not null && !(codes.TryGetValue(e.Prefecture, out var p) && p.Kind == MunicipalClasses.Prefecture))
                Error($"municipalities[{i}].prefecture", e.Code, "prefecture", $"'{e.Prefecture}' is not the code of a prefecture in the master");
        }
        // One name twice in a prefecture is real (北海道's two 泊村, one in the Northern Territories):
        // resolving such a name is what fails, naming both codes.

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < master.Classes.Count; i++)
        {
            var c = master.Classes[i];
            var at = $"classes[{i}]";
            if (!MunicipalClasses.All.Contains(c.Class)) { Error(at + ".class", c.Class, "class", $"'{c.Class}' is not one of: {string.Join(", ", MunicipalClasses.All)}"); continue; }
            if (!seen.Add(c.Class)) Error(at + ".class", c.Class, "class", $"{c.Class} has two lists");
            if (!MunicipalClasses.Bases.Contains(c.Basis)) { Error(at + ".basis", c.Class, "basis", $"'{c.Basis}' is not one of: {string.Join(", ", MunicipalClasses.Bases)}"); continue; }
            if (c.Basis == "unknown")
            {
                if (c.Members.Count > 0) Error(at + ".members", c.Class, "members", "an unknown class lists no members");
                continue;
            }
            // A list someone relies on must say where it comes from and when it was true.
            if (string.IsNullOrWhiteSpace(c.Source)) Error(at + ".source", c.Class, "source", "a class list names its source");
            if (c.AsOf is null || !IsoDate().IsMatch(c.AsOf)) Error(at + ".asOf", c.Class, "asOf", $"a class list gives the ISO date it is true on (got '{c.AsOf}')");
            if (c.Basis == "kind" && c.Class is not (MunicipalClasses.Municipality or MunicipalClasses.Prefecture or MunicipalClasses.City or MunicipalClasses.Town or MunicipalClasses.Village or MunicipalClasses.SpecialWard))
                Error(at + ".basis", c.Class, "basis", $"{c.Class} cannot be told from an entry's kind; list its members or mark it unknown");
            if (c.Basis == "members")
            {
                if (c.Members.Count == 0) Error(at + ".members", c.Class, "members", "a members list is not empty (mark the class unknown instead)");
                for (var k = 0; k < c.Members.Count; k++)
                {
                    var code = c.Members[k];
                    if (!codes.TryGetValue(code, out var member)) Error($"{at}.members[{k}]", c.Class, $"members[{k}]", $"'{code}' is not a code in the master");
                    else if (MunicipalClasses.CityOnly.Contains(c.Class) && member.Kind != MunicipalClasses.City)
                        Error($"{at}.members[{k}]", c.Class, $"members[{k}]", $"{member.Name} ({code}) is a {member.Kind}; a {c.Class} is a 市");
                    else if (c.Members.IndexOf(code) != k) Error($"{at}.members[{k}]", c.Class, $"members[{k}]", $"'{code}' is listed twice");
                }
            }
        }
        foreach (var missing in MunicipalClasses.All.Where(c => !seen.Contains(c)))
            Error("classes", missing, "classes", $"no list for {missing}; give one, or one with \"basis\": \"unknown\"");
        return errors.Count == before ? master : null;
    }

    private static readonly char[] NameSeparators = ['、', '・', '/', '／', ','];

    /// <summary>
    /// Gives an adoption row the codes of what it names: one municipality, several (川崎市、箱根町),
    /// a prefecture, or an area, which the row must mark ("scope": "area"). Names are looked up in
    /// the row's prefecture; without one a name must be unique in Japan.
    /// </summary>
    public static void Resolve(Adoption row, InputRecord input, MunicipalityDirectory directory, List<ImportError> errors) =>
        Resolve(row, directory, (field, message) => errors.Add(new(input.File, input.Lines.LineOf($"{input.Path}.{field}"), row.ProgramId, field, message)));

    public static void Resolve(Adoption row, MunicipalityDirectory directory, Action<string, string> Error)
    {

        if (row.Scope is not (null or "area" or "municipality" or "prefecture"))
        {
            Error("scope", $"'{row.Scope}' is not one of: municipality, prefecture, area (only area needs to be written)");
            return;
        }
        Municipality? prefecture = null;
        if (!string.IsNullOrEmpty(row.Prefecture))
        {
            prefecture = directory.Named(row.Prefecture).FirstOrDefault(m => m.IsPrefecture);
            if (prefecture is null) { Error("prefecture", $"'{row.Prefecture}' is not a prefecture in the master"); return; }
        }

        var isArea = row.Scope == "area";
        var codes = new List<string>();
        var prefectureOnly = true;
        foreach (var part in row.Municipality.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var named = directory.Named(part);
            var asPrefecture = named.FirstOrDefault(m => m.IsPrefecture);
            if (asPrefecture is not null)
            {
                if (prefecture is not null && asPrefecture.Code != prefecture.Code)
                    Error("prefecture", $"names {row.Prefecture} but the row is about {part}");
                codes.Add(asPrefecture.Code);
                continue;
            }
            prefectureOnly = false;
            var candidates = named.Where(m => prefecture is null || m.PrefectureCode == prefecture.Code).ToList();
            if (candidates.Count == 1) { codes.Add(candidates[0].Code); continue; }
            if (candidates.Count > 1)
            {
                Error("municipality", $"'{part}' is ambiguous; give the prefecture. Candidates: {Describe(candidates)}");
                continue;
            }
            if (isArea) continue; // an area's own name (播磨科学公園都市, 山手線周辺) resolves to nothing
            var elsewhere = named.Count > 0 ? $" Candidates elsewhere: {Describe(named)}." : "";
            var where = prefecture is null ? "" : $" in {prefecture.Name}";
            Error("municipality", $"'{part}' is not a municipality{where} in the master.{elsewhere} If the row names an area, mark it \"scope\": \"area\".");
        }
        if (row.LgCode is not null && !codes.Contains(row.LgCode))
            Error("lgCode", $"{row.LgCode} is not the code of what the row names ({string.Join(", ", codes)})");
        row.LgCodes = codes.Distinct().ToList();
        row.Scope = isArea ? "area" : prefectureOnly && codes.Count > 0 ? "prefecture" : "municipality";
    }

    private static string Describe(IEnumerable<Municipality> candidates) =>
        string.Join(", ", candidates.Select(m => $"{m.PrefectureName}{m.Name} ({m.Code})"));

    /// <summary>Checks the eligibility block: known classes and rule kinds, and that every program or family a rule names exists.</summary>
    public static void CheckEligibility(ProgramRecord p, InputRecord input, IReadOnlySet<string> programIds, IReadOnlySet<string> familyKeys, List<ImportError> errors)
    {
        if (p.Eligibility is not { } e) return;
        void Error(string field, string message) =>
            errors.Add(new(input.File, input.Lines.LineOf($"{input.Path}.{field}"), p.Id, field, message));

        for (var i = 0; i < e.Classes.Count; i++)
            if (!MunicipalClasses.All.Contains(e.Classes[i])) Error($"eligibility.classes[{i}]", $"'{e.Classes[i]}' is not one of: {string.Join(", ", MunicipalClasses.All)}");
        for (var i = 0; i < e.ExcludedClasses.Count; i++)
            if (!MunicipalClasses.All.Contains(e.ExcludedClasses[i])) Error($"eligibility.excludedClasses[{i}]", $"'{e.ExcludedClasses[i]}' is not one of: {string.Join(", ", MunicipalClasses.All)}");
        for (var i = 0; i < e.Rules.Count; i++)
        {
            var r = e.Rules[i];
            var at = $"eligibility.rules[{i}]";
            if (!EligibilityRule.Kinds.Contains(r.Kind)) Error(at + ".kind", $"'{r.Kind}' is not one of: {string.Join(", ", EligibilityRule.Kinds)}");
            if ((r.ProgramId is null) == (r.FamilyKey is null)) Error(at + ".programId", "a rule names either a programId or a familyKey");
            else if (r.ProgramId is not null && !programIds.Contains(r.ProgramId)) Error(at + ".programId", $"refers to '{r.ProgramId}', which is neither in this import nor in the catalogue");
            else if (r.FamilyKey is not null && !familyKeys.Contains(r.FamilyKey)) Error(at + ".familyKey", $"refers to the family '{r.FamilyKey}', which no program in this import or the catalogue has");
            if (string.IsNullOrWhiteSpace(r.Text)) Error(at + ".text", "give the source's words");
            for (var k = 0; k < r.FiscalYears.Count; k++)
                if (r.FiscalYears[k] is < 1989 or > 2100) Error($"{at}.fiscalYears[{k}]", $"{r.FiscalYears[k]} is not a plausible 年度 start year");
            if (r.Kind == EligibilityRule.SupportPeriod && r.Years is not > 0) Error(at + ".years", "a support period gives its length in 年度 (years > 0)");
            if (r.ExtensionYears is < 0) Error(at + ".extensionYears", "cannot be negative");
        }
    }
}
