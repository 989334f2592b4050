using System.Text.Json;
using System.Text.RegularExpressions;

namespace Catalog.Core.Programs;

/// <summary>
/// Which values of a record must carry evidence, and how evidence paths (name, caps[0],
/// windows[1].end) are read. An entry covers its own path and everything under it: an entry
/// for <c>applicants</c> covers <c>applicants[2]</c>.
/// </summary>
public static partial class EvidencePaths
{
    [GeneratedRegex(@"^[a-zA-Z]+(\[\d+\])?(\.[a-zA-Z]+(\[\d+\])?)*$")]
    private static partial Regex PathPattern();

    public static bool IsWellFormed(string path) => PathPattern().IsMatch(path);

    /// <summary>The stated values of a program that need evidence, as paths.</summary>
    public static IEnumerable<string> Required(ProgramRecord p)
    {
        yield return "name";
        yield return "ministry";
        if (p.Bureau is not null) yield return "bureau";
        if (p.Division is not null) yield return "division";
        if (p.Organization is not null) yield return "organization";
        for (var i = 0; i < p.FiscalYears.Count; i++) yield return $"fiscalYears[{i}]";
        for (var i = 0; i < p.Kinds.Count; i++) yield return $"kinds[{i}]";
        if (p.Rate is not null) yield return "rate";
        for (var i = 0; i < p.Caps.Count; i++) yield return $"caps[{i}]";
        if (p.Budget is not null) yield return "budget";
        if (p.MaxDurationText is not null) yield return "maxDurationText";
        if (p.ApplicationLimit is not null) yield return "applicationLimit";
        for (var i = 0; i < p.Applicants.Count; i++) yield return $"applicants[{i}]";
        for (var i = 0; i < p.Requirements.Count; i++) yield return $"requirements[{i}]";
        for (var i = 0; i < p.Windows.Count; i++)
        {
            if (p.Windows[i].Start is not null) yield return $"windows[{i}].start";
            if (p.Windows[i].End is not null) yield return $"windows[{i}].end";
            if (p.Windows[i].YearRound) yield return $"windows[{i}].yearRound";
        }
        for (var i = 0; i < p.Selections.Count; i++) yield return $"selections[{i}]";
        for (var i = 0; i < p.Contacts.Count; i++) yield return $"contacts[{i}]";
        if (p.Url is not null) yield return "url";
    }

    /// <summary>The values of an adoption row that need evidence (the place, its year and title).</summary>
    public static IEnumerable<string> Required(Adoption a)
    {
        yield return "municipality";
        if (a.Prefecture is not null) yield return "prefecture";
        if (a.FiscalYear is not null) yield return "fiscalYear";
        if (a.Title is not null) yield return "title";
        if (a.Technology is not null) yield return "technology";
    }

    /// <summary>True when an evidence entry for <paramref name="field"/> covers the value at <paramref name="path"/>.</summary>
    public static bool Covers(string field, string path) =>
        path == field || (path.StartsWith(field, StringComparison.Ordinal) && path.Length > field.Length && path[field.Length] is '.' or '[');

    /// <summary>The evidence entries that cover a value, nearest first.</summary>
    public static IEnumerable<Evidence> For(IEnumerable<Evidence> evidence, string path) =>
        evidence.Where(e => Covers(e.Field, path)).OrderByDescending(e => e.Field.Length);

    /// <summary>Finds the value at a path (name, caps[0].text) in a record's JSON; false when there is none.</summary>
    public static bool TryResolve(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        if (!IsWellFormed(path)) return false;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return false;
            if (bracket < 0) continue;
            var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength()) return false;
            value = value[index];
        }
        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }
}
