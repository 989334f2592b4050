using System.Text;
using System.Text.Json.Nodes;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Export;

public sealed class ExportApiTests
{
    static ExportApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task CsvExportIsUtf8WithBomJapaneseHeaderAndOneRowPerMatch()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("drone-a", "ドローン物流, \"実証\"", ministry: "国土交通省", fields: ["ドローン", "物流"], capYen: 50_000_000, years: [2021]),
            Make("drone-b", "ドローン点検", ministry: "総務省", fields: ["ドローン"]),
            Make("other", "観光DX", fields: ["観光"]));

        using var response = await server.Client.GetAsync("/api/export?format=csv&q=ドローン&sort=name");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^programs-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID,制度名,所管府省,支援の種類,分野,補助率,上限額（円）,上限額,対象,年度,募集状況,次の締切,URL", lines[0]);
        Assert.Equal(3, lines.Length);
        // Name order is 五十音順 by reading: ドローンテンケン before ドローンブツリュウ.
        Assert.StartsWith("drone-b,ドローン点検,総務省", lines[1]);
        Assert.StartsWith("drone-a,\"ドローン物流, \"\"実証\"\"\",国土交通省,補助金,ドローン; 物流,,50000000,", lines[2]);
        Assert.Contains("令和3年度", lines[2]);
    }

    [Fact]
    public async Task ShiftJisExportEncodesCp932()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("plain", "スマートシティ推進事業"));

        using var response = await server.Client.GetAsync("/api/export?format=csv&encoding=shift_jis");
        Assert.True(response.IsSuccessStatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.GetEncoding(932).GetString(bytes);
        Assert.StartsWith("ID,制度名", text);
        Assert.Contains("スマートシティ推進事業", text);
    }

    [Fact]
    public async Task ShiftJisExportRefusesACharacterItCannotEncodeAndNamesIt()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("fine", "普通の事業"), Make("takahashi", "髙橋市𠮷野地区支援事業"));

        var problem = await server.Client.GetProblemAsync("/api/export?format=csv&encoding=shift_jis", "encoding");
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("takahashi", detail);
        Assert.Contains("U+", detail);
    }

    [Fact]
    public async Task JsonExportValidatesAgainstThePublishedSchema()
    {
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        var schema = new MiniJsonSchema(JsonNode.Parse(await server.Client.GetStringAsync("/api/schema/program.json"))!.AsObject());

        using var response = await server.Client.GetAsync("/api/export?format=json");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("/api/schema/program.json", export["$schema"]!.GetValue<string>());
        var programs = export["programs"]!.AsArray();
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Seed, "programs"), "*.json").Length, programs.Count);
        var errors = programs.SelectMany(p => schema.Validate(p).Select(e => $"{p!["id"]}: {e}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task SchemaValidatorCatchesARecordThatBreaksTheSchema()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var schema = new MiniJsonSchema(JsonNode.Parse(await server.Client.GetStringAsync("/api/schema/program.json"))!.AsObject());
        var record = JsonNode.Parse(Catalog.Core.Programs.ProgramJson.Serialize(Make("ok-id", "名前")))!;
        Assert.Empty(schema.Validate(record));
        record["level"] = "galactic";
        record["unknown"] = 1;
        record["fiscalYears"] = new JsonArray("2021");
        Assert.Equal(3, schema.Validate(record).Count);
    }

    [Fact]
    public async Task NdjsonExportHasOneRecordPerLineForTheFilteredSet()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("a", "一", ministry: "総務省"), Make("b", "二", ministry: "内閣府"), Make("c", "三", ministry: "総務省"));

        var text = await server.Client.GetStringAsync("/api/export?format=ndjson&ministry=総務省");
        var ids = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>());
        Assert.Equal(["a", "c"], ids);
    }

    [Fact]
    public async Task OpenApiDocumentsTheSearchParameters()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var doc = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;
        var parameters = doc["paths"]!["/api/programs"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        foreach (var name in new[] { "q", "ministry", "kind", "field", "applicant", "level", "fiscalYear", "status", "asOf", "rateMin", "capMin", "capMax", "deadlineBefore", "sort", "page", "pageSize" })
            Assert.Contains(name, parameters);
        Assert.NotNull(doc["paths"]!["/api/export"]);
        Assert.NotNull(doc["paths"]!["/api/schema/program.json"]);
    }

    [Fact]
    public async Task HealthReportsTheProgramCount()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("one", "一"));
        var health = await server.Client.GetObjectAsync("/health");
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal(1, health["programs"]!.GetValue<int>());
    }
}
