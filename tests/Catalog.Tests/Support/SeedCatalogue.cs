using System.Text.Json;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Tests.Support;

/// <summary>
/// The real seed (seed/ at the repository root), put into a test server's store. It goes through
/// the importer when it validates; while the seed branch still has records the importer rejects,
/// the records are read leniently and written through the store, so search quality can still be
/// measured on the real texts.
/// </summary>
public static class SeedCatalogue
{
    public static string Path => System.IO.Path.Combine(CatalogTestServer.RepoRoot(), "seed");

    /// <summary>Loads the seed into the server; returns whether the importer accepted it as is.</summary>
    public static bool LoadInto(CatalogTestServer server)
    {
        var result = server.Importer.Import(Path);
        if (result.Succeeded) return true;
        server.Store.Upsert(ReadLeniently(Path), [], "seed (lenient, test only)");
        return false;
    }

    public static List<ProgramRecord> ReadLeniently(string seed)
    {
        var programs = Directory.EnumerateFiles(System.IO.Path.Combine(seed, "programs"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ProgramRecord>(File.ReadAllText(f), ProgramJson.Compact)!)
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var table in Directory.EnumerateFiles(System.IO.Path.Combine(seed, "adoptions"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(table));
            foreach (var row in doc.RootElement.GetProperty("adoptions").EnumerateArray())
            {
                var a = row.Deserialize<Adoption>(ProgramJson.Compact)!;
                if (a.ProgramId is { } id && programs.TryGetValue(id, out var owner) &&
                    !owner.Adoptions.Any(x => x.FiscalYear == a.FiscalYear && x.Prefecture == a.Prefecture && x.Municipality == a.Municipality && x.Title == a.Title))
                {
                    a.ProgramId = null;
                    owner.Adoptions.Add(a);
                }
            }
        }
        // What the importer would do: window times to ISO 8601 (令和2年5月29日 → 2020-05-29T00:00:00+09:00).
        foreach (var w in programs.Values.SelectMany(p => p.Windows))
        {
            w.Start = Iso(w.Start, endOfDay: false);
            w.End = Iso(w.End, endOfDay: true);
        }
        return [.. programs.Values];
    }

    private static string? Iso(string? text, bool endOfDay)
    {
        if (text is null || !Wareki.TryParseDate(text, out var date)) return text;
        var time = endOfDay ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue;
        return new DateTimeOffset(date.ToDateTime(time), ProgramStatus.Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
