using System.Text;

namespace Catalog.Core.Municipalities;

/// <summary>One prefecture or municipality as the catalogue knows it.</summary>
public sealed record Municipality(string Code, string Name, string Kana, string Kind, string? PrefectureCode, string PrefectureName)
{
    public bool IsPrefecture => Kind == MunicipalClasses.Prefecture;
}

/// <summary>
/// An immutable snapshot of the master: lookup by code and name, search by name, kana or code,
/// and the class facts of every entry. Built from the master as imported; never fetched.
/// </summary>
public sealed class MunicipalityDirectory
{
    private readonly Dictionary<string, Municipality> _byCode;
    private readonly ILookup<string, Municipality> _byName;
    private readonly Dictionary<string, ClassList> _classes;
    private readonly Dictionary<string, HashSet<string>> _members;

    public static readonly MunicipalityDirectory Empty = new(new MunicipalMaster());

    public MunicipalityDirectory(MunicipalMaster master)
    {
        Source = master.Master;
        var prefectureNames = master.Municipalities.Where(e => e.Kind == MunicipalClasses.Prefecture)
            .ToDictionary(e => e.Code, e => e.Name, StringComparer.Ordinal);
        All = master.Municipalities
            .Select(e => new Municipality(e.Code, e.Name, e.Kana, e.Kind, e.Prefecture,
                e.Prefecture is null ? e.Name : prefectureNames.GetValueOrDefault(e.Prefecture, "")))
            .OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        _byCode = All.ToDictionary(m => m.Code, StringComparer.Ordinal);
        _byName = All.ToLookup(m => m.Name, StringComparer.Ordinal);
        Classes = master.Classes;
        _classes = master.Classes.ToDictionary(c => c.Class, StringComparer.Ordinal);
        _members = master.Classes.Where(c => c.Basis == "members")
            .ToDictionary(c => c.Class, c => c.Members.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public MasterSource Source { get; }
    public IReadOnlyList<ClassList> Classes { get; }
    public IReadOnlyList<Municipality> All { get; }
    public bool IsEmpty => All.Count == 0;

    public Municipality? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Entries whose name is exactly <paramref name="name"/> (伊達市 gives two).</summary>
    public IReadOnlyList<Municipality> Named(string name) => _byName[name].ToList();

    /// <summary>
    /// What a parameter names, as people write it: a name (加賀市), a prefecture and a name
    /// (茨城県つくば市; 東京都府中市 picks one of two 府中市), a prefecture (沖縄県) or a reading
    /// (かがし). One entry, several when the name is ambiguous, or none. Codes are the caller's.
    /// </summary>
    public IReadOnlyList<Municipality> Resolve(string text)
    {
        var t = Normalize(text);
        if (t.Length == 0) return [];
        if (Named(t) is { Count: > 0 } named) return named;
        if (SplitPrefecture(t) is ({ } prefecture, var rest))
        {
            var kanaRest = ToHiragana(rest);
            var within = All.Where(m => m.PrefectureCode == prefecture.Code && (m.Name == rest || m.Kana == kanaRest)).ToList();
            if (within.Count > 0) return within;
        }
        var kana = ToHiragana(t);
        return All.Where(m => m.Kana == kana).ToList();
    }

    /// <summary>
    /// Find by name (浜松 → 浜松市), by reading in hiragana or katakana (みやこじま → 宮古島市) and by code
    /// (6 digits, or the first 5). Exact names first, then prefixes, then the rest; prefectures too.
    /// A leading prefecture (茨城県つくば) looks only in that prefecture.
    /// </summary>
    public IReadOnlyList<Municipality> Search(string q, int max)
    {
        var text = Normalize(q);
        if (text.Length == 0) return [];
        Municipality? within = null;
        if (Named(text).Count == 0 && SplitPrefecture(text) is ({ } prefecture, var rest)) (within, text) = (prefecture, rest);
        var kana = ToHiragana(text);
        var ranked = new List<(int Rank, Municipality M)>();
        foreach (var m in All)
        {
            if (within is not null && m.PrefectureCode != within.Code) continue;
            int? rank =
                m.Code == text || (text.Length == 5 && m.Code.StartsWith(text, StringComparison.Ordinal)) ? 0
                : m.Name == text ? 1
                : m.Name.StartsWith(text, StringComparison.Ordinal) ? 2
                : m.Kana.StartsWith(kana, StringComparison.Ordinal) ? 3
                : m.Name.Contains(text, StringComparison.Ordinal) ? 4
                : m.Kana.Contains(kana, StringComparison.Ordinal) && kana.Length >= 2 ? 5
                : null;
            if (rank is { } r) ranked.Add((r, m));
        }
        // Within a rank: prefectures first, then by code (north to south, as the code list runs).
        return ranked.OrderBy(x => x.Rank).ThenBy(x => x.M.IsPrefecture ? 0 : 1).ThenBy(x => x.M.Code, StringComparer.Ordinal)
            .Take(max).Select(x => x.M).ToList();
    }

    // 茨城県つくば市 → (茨城県, つくば市): a prefecture's name in front of more text.
    private (Municipality? Prefecture, string Remainder) SplitPrefecture(string text)
    {
        foreach (var p in All)
            if (p.IsPrefecture && text.Length > p.Name.Length && text.StartsWith(p.Name, StringComparison.Ordinal))
                return (p, text[p.Name.Length..]);
        return (null, text);
    }

    /// <summary>Whether <paramref name="m"/> belongs to <paramref name="cls"/>, and on what authority.</summary>
    public ClassFact Fact(Municipality m, string cls)
    {
        if (!_classes.TryGetValue(cls, out var list))
            return new(cls, Membership.Unknown, null, null, $"the master has no class list for {cls}");
        // 政令指定都市, 中核市 and 中枢中核都市 are kinds of 市: anything else is certainly outside.
        if (MunicipalClasses.CityOnly.Contains(cls) && m.Kind != MunicipalClasses.City)
            return new(cls, Membership.NotMember, list.Source, list.AsOf, $"{cls}は市に限られる（{m.Name}は{m.Kind}）");
        // A 政令指定都市 is by law not a 中核市 (地方自治法第252条の22).
        if (cls == MunicipalClasses.CoreCity && list.Basis == "unknown"
            && Fact(m, MunicipalClasses.DesignatedCity) is { Membership: Membership.Member } designated)
            return new(cls, Membership.NotMember, designated.Source, designated.AsOf, "政令指定都市は中核市にならない（地方自治法第252条の22）");
        return list.Basis switch
        {
            "kind" => new(cls, KindMatches(m, cls) ? Membership.Member : Membership.NotMember, list.Source, list.AsOf, null),
            "members" => new(cls, _members[cls].Contains(m.Code) ? Membership.Member : Membership.NotMember, list.Source, list.AsOf, null),
            _ => new(cls, Membership.Unknown, null, null, list.Note ?? $"{cls}の一覧がない"),
        };
    }

    public IReadOnlyList<ClassFact> Facts(Municipality m) => MunicipalClasses.All.Select(c => Fact(m, c)).ToList();

    private static bool KindMatches(Municipality m, string cls) => cls switch
    {
        MunicipalClasses.Municipality => !m.IsPrefecture,
        _ => m.Kind == cls,
    };

    /// <summary>NFKC (full-width digits and letters, half-width kana) and no spaces.</summary>
    public static string Normalize(string text)
    {
        string normalized;
        try { normalized = text.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { normalized = text; } // ill-formed UTF-16 (a lone surrogate) cannot be normalised; match it as is
        var sb = new StringBuilder();
        foreach (var c in normalized)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    public static string ToHiragana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= '\u30A1' and <= '\u30F6') chars[i] = (char)(chars[i] - 0x60);
        return new string(chars);
    }

}
