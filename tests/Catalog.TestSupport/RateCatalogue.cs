using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Benchmarks;
using Catalog.Core.Programs;

namespace Catalog.Tests.Support;

/// <summary>
/// A seed folder of synthetic programs (【合成】) whose rates cover every rate kind the importer
/// derives: 定額, fractions, 定額、または2/3, amount tiers and なし. The seed itself states no 定額
/// rate, so the rate-kind tests need this one. Imported through the importer like seed/, so the
/// kinds are derived exactly as in production.
/// </summary>
public sealed class RateCatalogue : IDisposable
{
    public const string MixedId = "synthetic-rate-mixed";
    public const string TieredId = "synthetic-rate-tiered";
    public const string NoneId = "synthetic-rate-none";

    /// <summary>Under the page size of 100, so one page holds every hit of any query.</summary>
    public const int GeneratedCount = 60;

    public RateCatalogue()
    {
        var programs = Directory.CreateDirectory(Folder.Combine("programs")).FullName;
        var records = SyntheticCatalogue.Generate(GeneratedCount + 3).ToList();
        // The last three become the kinds the generator does not write, each about ドローン. No name
        // may contain 定額: it would make 定額 a content word, which stays text.
        (string Id, string Name, string Rate)[] extra =
        [
            (MixedId, "【合成】ドローン配送選択型補助事業", "定額、または2/3"),
            (TieredId, "【合成】ドローン物流段階補助事業", "3/4（1,000万円まで）、2/3（1,000万円超の部分）"),
            (NoneId, "【合成】ドローン人材情報提供事業", "なし"),
        ];
        for (var i = 0; i < extra.Length; i++)
        {
            var p = records[GeneratedCount + i];
            p.Id = p.FamilyKey = extra[i].Id;
            p.Name = extra[i].Name;
            p.Rate = new SubsidyRate { Text = extra[i].Rate };
        }
        foreach (var p in records)
            File.WriteAllText(System.IO.Path.Combine(programs, p.Id + ".json"), ProgramJson.Serialize(p, indented: true));
    }

    public TempFolder Folder { get; } = new();
    public string Path => Folder.Path;

    /// <summary>
    /// The ids whose rate text, as written in the files, says <paramref name="rateKind"/>: 定額 when
    /// the text has 定額, 定率 when it names a fraction (a/b, b分のa, n%). Read from the text, not
    /// through the importer's rule, so the tests compare the two.
    /// </summary>
    public static List<string> IdsWhoseRateSays(string seedFolder, string rateKind)
    {
        var fraction = new Regex(@"\d+\s*/\s*\d+|\d+分の\d+|\d+(\.\d+)?%");
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(seedFolder, "programs"), "*.json"))
        {
            var node = JsonNode.Parse(File.ReadAllText(file))!;
            if (node["rate"]?["text"]?.GetValue<string>() is not { } text) continue;
            text = text.Normalize(NormalizationForm.FormKC);
            var says = rateKind switch
            {
                "定額" => text.Contains("定額", StringComparison.Ordinal),
                "定率" => fraction.IsMatch(text),
                _ => throw new ArgumentOutOfRangeException(nameof(rateKind), rateKind, "not a rate kind"),
            };
            if (says) ids.Add(node["id"]!.GetValue<string>());
        }
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => Folder.Dispose();
}

/// <summary>One running service over a <see cref="RateCatalogue"/>, shared by a class's read-only tests.</summary>
public sealed class RateCatalogueServer : IAsyncLifetime
{
    public RateCatalogue Catalogue { get; } = new();
    public CatalogTestServer Server { get; private set; } = null!;
    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() => Server = await CatalogTestServer.StartAsync(seedPath: Catalogue.Path);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Catalogue.Dispose();
    }
}
