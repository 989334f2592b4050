using Catalog.Tests.Support;

namespace Catalog.Tests.Municipalities;

/// <summary>
/// Seed folders for municipality tests: the repository's seed (master included), plus programs
/// and adoption tables written by a test, optionally with a 中枢中核都市 list that is a test
/// fixture (the real master leaves that class unknown).
/// </summary>
internal static class MunicipalityFixtures
{
    public static string MasterPath => Path.Combine(RepoPaths.Seed, "municipalities", "municipalities.json");

    /// <summary>A copy of the seed in <paramref name="folder"/> with extra files (relative path → JSON text).</summary>
    public static string Seed(TempFolder folder, IDictionary<string, string>? files = null, IReadOnlyList<string>? centralCoreCities = null)
    {
        var seed = folder.Combine("seed");
        Copy(RepoPaths.Seed, seed);
        if (centralCoreCities is not null)
        {
            var master = Path.Combine(seed, "municipalities", "municipalities.json");
            var lines = File.ReadAllLines(master);
            var i = Array.FindIndex(lines, l => l.Contains("\"class\":\"中枢中核都市\"", StringComparison.Ordinal));
            Assert.True(i >= 0, "the seed master has a 中枢中核都市 line");
            var members = string.Join(",", centralCoreCities.Select(c => $"\"{c}\""));
            lines[i] = $$"""    {"class":"中枢中核都市","basis":"members","source":"test fixture (not a real list)","asOf":"2024-04-01","members":[{{members}}]}""" + (lines[i].TrimEnd().EndsWith(',') ? "," : "");
            File.WriteAllLines(master, lines);
        }
        foreach (var (relative, json) in files ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(seed, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
        }
        return seed;
    }

    public static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    /// <summary>A program open to 市区町村 (and 中枢中核都市) with caps for both and a window from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static string Program(string id, string name, string start, string end, string applicants = "\"市区町村\", \"中枢中核都市\"", string extra = "") => $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          "fiscalYears": [2024],
          "level": "national",
          "ministry": "内閣府",
          "kinds": ["交付金"],
          "caps": [
            { "applicant": "市区町村", "text": "2.0億円", "per": "year" },
            { "applicant": "中枢中核都市", "text": "2.5億円", "per": "year" }
          ],
          "applicants": [{{applicants}}],
          "windows": [ { "start": "{{start}}", "end": "{{end}}" } ],
          "sources": [ { "document": "test-fixture.txt" } ]{{extra}}
        }
        """;
}
