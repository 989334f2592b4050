using System.Text;
using Catalog.Core.Municipalities;
using Catalog.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Catalog.Tests.Municipalities;

/// <summary>
/// Random codes and parameters against the municipality and adoption endpoints: only 200 or a
/// 4xx ProblemDetails with a detail may come back, and nothing may be logged as an error. Seeded.
/// </summary>
public class MunicipalitiesFuzzTests
{
    private static readonly string[] Names =
        ["q", "limit", "program", "prefecture", "municipality", "fiscalYear", "page", "pageSize", "asOf", "format", "status", "applicant", "sort", ""];

    private static readonly string[] Values =
    [
        "", " ", "\"", "%", "%%", "%00", "\0", "\u202E", "\uFEFF", "𠮷", "\U0001F600", "e\u0301\u0301", "ｺｳﾌｷﾝ", "みやこじま", "ミヤコジマ", "宮古島",
        "-1", "0", "1", "101", "500", "501", "99999999999999999999", "1e9", "NaN", "2021", "令和3年度", "unknown", "2024-02-30", "yesterday",
        "沖縄県", "架空県", "（都道府県なし）", "nihonban-maas-suishin-shien", "no-such", "472140", "472141", "47214", "4721400", "abcdef", "０１１００２",
        "json", "csv", "xlsx", "受付中", "市区町村", "中枢中核都市", "<script>", "' OR 1=1 --", "*:*", "[a TO z]", "\\", "/",
    ];

    private static string RandomValue(Random r) =>
        r.Next(10) == 0 ? new string(Enumerable.Range(0, r.Next(1, 30)).Select(_ => (char)r.Next(0x20, 0xFFFF)).Where(c => !char.IsSurrogate(c)).ToArray())
        : Values[r.Next(Values.Length)];

    private static string RandomUrl(Random r)
    {
        var code = r.Next(3) switch
        {
            0 => "472140",
            // Any non-empty text without control characters: an empty segment never reaches the
            // endpoint (routing), and Kestrel itself refuses a NUL in a path.
            1 => Uri.EscapeDataString(RandomValue(r) is { Length: > 0 } v && !v.Any(char.IsControl) && v.Trim('/').Length > 0 ? v : "x"),
            _ => r.Next(1, 48).ToString("00") + r.Next(0, 1000).ToString("000") is var five ? five + LgCode.CheckDigit(five) : "",
        };
        var path = r.Next(4) switch
        {
            0 => "/api/municipalities",
            1 => $"/api/municipalities/{code}",
            2 => $"/api/municipalities/{code}/programs",
            _ => "/api/adoptions",
        };
        var query = new StringBuilder();
        for (var i = r.Next(0, 5); i > 0; i--)
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(Names[r.Next(Names.Length)])).Append('=').Append(Uri.EscapeDataString(RandomValue(r)));
        return path + query;
    }

    [Fact]
    public async Task RandomCodesAndParametersGetOnly200Or4xxProblemDetailsAndLogNoError()
    {
        var logs = new LogCollector();
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed, configure: b => b.Logging.AddProvider(logs));
        var random = new Random(9_472140);
        var failures = new List<string>();
        for (var i = 0; i < 1200 && failures.Count < 5; i++)
        {
            var url = RandomUrl(random);
            using var response = await server.Client.GetAsync(url);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"#{i} {url} → {status}: {body[..Math.Min(300, body.Length)]}");
            else if (status >= 400 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"detail\"", StringComparison.Ordinal)))
                failures.Add($"#{i} {url} → {status} without a ProblemDetails detail: {body[..Math.Min(300, body.Length)]}");
            else if (status is not (200 or 400 or 404 or 414)) failures.Add($"#{i} {url} → unexpected {status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(logs.Errors.IsEmpty, string.Join("\n", logs.Errors.Take(3)));
    }
}
