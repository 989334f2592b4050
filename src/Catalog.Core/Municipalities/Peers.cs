namespace Catalog.Core.Municipalities;

/// <summary>One program a peer was adopted by, once, with every fiscal year it was adopted in (ascending).</summary>
public sealed record PeerProgram(string ProgramId, string ProgramName, IReadOnlyList<int> FiscalYears);

/// <summary>A 「近隣・同規模」 peer: near (same or adjacent prefecture), of the same class, adopted by a shared program.</summary>
public sealed record Peer(Municipality Municipality, bool SamePrefecture, string Class, IReadOnlyList<string> Because, IReadOnlyList<PeerProgram> Programs);

/// <summary>
/// The municipality page's 「近隣・同規模」: others adopted by a program this one was adopted by,
/// in the same or an adjacent prefecture (<see cref="PrefectureAdjacency"/>) and of the same class.
/// For a prefecture that means the adjacent prefectures.
/// </summary>
public static class Peers
{
    /// <summary>
    /// The class a peer must share: the most specific one the master states, else the kind (市, 町 …).
    /// A class the master leaves unknown (中核市 and 中枢中核都市 in the seed) places no one in it.
    /// </summary>
    public static string Class(Municipality m, MunicipalityDirectory d) =>
        new[] { MunicipalClasses.DesignatedCity, MunicipalClasses.CentralCoreCity, MunicipalClasses.CoreCity }
            .FirstOrDefault(c => d.Fact(m, c).Membership == Membership.Member) ?? m.Kind;

    /// <summary>The peers of <paramref name="m"/> among <paramref name="adoptions"/>: same prefecture first, then by programs shared, then by code.</summary>
    public static IReadOnlyList<Peer> Of(Municipality m, MunicipalityDirectory d, IEnumerable<AdoptionRow> adoptions)
    {
        var all = adoptions as IReadOnlyList<AdoptionRow> ?? adoptions.ToList();
        var programs = all.Where(a => a.Adoption.LgCodes.Contains(m.Code)).Select(a => a.ProgramId).ToHashSet(StringComparer.Ordinal);
        var cls = Class(m, d);
        var home = PrefectureAdjacency.PrefectureOf(m.Code);
        var found = new Dictionary<string, (Municipality Peer, Dictionary<string, (string Name, SortedSet<int> Years)> Programs)>(StringComparer.Ordinal);
        foreach (var row in all.Where(a => programs.Contains(a.ProgramId)))
            foreach (var code in row.Adoption.LgCodes.Distinct(StringComparer.Ordinal))
            {
                if (code == m.Code || d.Find(code) is not { } other) continue;
                var there = PrefectureAdjacency.PrefectureOf(other.Code);
                if (there != home && !PrefectureAdjacency.AreAdjacent(home, there)) continue;
                // Same class only when the master confirms it: an unknown membership leaves the peer out.
                if (d.Fact(other, cls).Membership != Membership.Member || Class(other, d) != cls) continue;
                if (!found.TryGetValue(code, out var entry)) found[code] = entry = (other, new(StringComparer.Ordinal));
                if (!entry.Programs.TryGetValue(row.ProgramId, out var program))
                    entry.Programs[row.ProgramId] = program = (row.ProgramName, []);
                if (row.Adoption.FiscalYear is { } year) program.Years.Add(year);
            }
        return found.Values
            .Select(e =>
            {
                var same = PrefectureAdjacency.PrefectureOf(e.Peer.Code) == home;
                List<string> because = [same ? $"同じ都道府県（{m.PrefectureName}）" : $"隣接県（{e.Peer.PrefectureName}）", $"同じ区分（{cls}）"];
                var shared = e.Programs.Select(p => new PeerProgram(p.Key, p.Value.Name, p.Value.Years.ToList()))
                    .OrderBy(p => p.ProgramId, StringComparer.Ordinal).ToList();
                return new Peer(e.Peer, same, cls, because, shared);
            })
            .OrderByDescending(p => p.SamePrefecture).ThenByDescending(p => p.Programs.Count).ThenBy(p => p.Municipality.Code, StringComparer.Ordinal)
            .ToList();
    }
}
