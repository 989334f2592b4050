using System.Net;
using System.Text;
using Catalog.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Catalog.Tests.Reliability;

/// <summary>
/// Random parameter values against the read endpoints: only 200 or a 4xx ProblemDetails may come
/// back, and nothing may be logged as an error. Seeded, so a failure reproduces.
/// </summary>
public class ApiFuzzTests
{
    private static readonly string[] Endpoints = ["/api/programs", "/api/suggest", "/api/export"];

    private static readonly string[] Names =
    [
        "q", "ministry", "kind", "field", "applicant", "level", "fiscalYear", "status", "rateMin", "capMin", "capMax",
        "deadlineBefore", "asOf", "sort", "page", "pageSize", "format", "encoding", "unknown", "Q", "q[]", "",
    ];

    private static readonly string[] Tricky =
    [
        "\"", "\"自動運転", "自動運転\"\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "+", "-", "&&", "||", "!",
        "AND", "OR", "NOT", "OR OR", "-", "--", "- -", "\"\"", "*:*", "name:*", "a~2", "[a TO z]", "\0", "\u0001", "\u202E", "\u200B", "\uFEFF",
        "e\u0301\u0301\u0301", "𠮷野家", "\U0001F600", "-1", "0", "1e309", "NaN", "Infinity", "9999999999999999999", "-9999999999", "0.5.5",
        "2024-02-30", "2024-13-01", "令和6年4月5日", "0001-01-01", "9999-12-31T23:59:59+14:00", "yesterday", "受付中", "締切", "通年", "予告",
        "内閣府", "総務省", "補助金", "national", "json", "csv", "ndjson", "shift_jis", "utf-8", "ebcdic", "relevance", "deadline", "cap", "rate", "name",
        "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%", "%%", "%E0%A4%A", "こうふきん", "ｺｳﾌｷﾝ", "ＡＩ", "MaaS",
    ];

    [Fact]
    public async Task RandomParametersGetOnly200Or4xxProblemDetailsAndLogNoError()
    {
        var logs = new LogCollector();
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed, configure: b => b.Logging.AddProvider(logs));
        var random = new Random(20261123);
        var failures = new List<string>();

        for (var i = 0; i < 2500 && failures.Count < 5; i++)
        {
            var url = Endpoints[random.Next(Endpoints.Length)] + "?" + RandomQuery(random);
            using var response = await server.Client.GetAsync(url);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"#{i} {Cut(url)} → {status}: {Cut(body)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"#{i} {Cut(url)} → {status} without ProblemDetails: {Cut(body)}");
            else if (status >= 400 && !body.Contains("\"detail\"", StringComparison.Ordinal))
                failures.Add($"#{i} {Cut(url)} → {status} ProblemDetails without detail: {Cut(body)}");
            else if (status is not (200 or 400 or 404 or 414)) failures.Add($"#{i} {Cut(url)} → unexpected {status}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(logs.Errors.IsEmpty, string.Join("\n", logs.Errors.Take(3)));
    }

    [Fact]
    public async Task OverlongQueriesArePolitelyRefused()
    {
        await using var server = await CatalogTestServer.StartAsync();
        using var response = await server.Client.GetAsync("/api/programs?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string RandomQuery(Random random)
    {
        var parts = new List<string>();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            var name = Names[random.Next(Names.Length)];
            parts.Add(Encode(name) + "=" + Encode(RandomValue(random)));
            if (random.Next(8) == 0) parts.Add(parts[^1]); // repeated parameter
        }
        if (random.Next(20) == 0) parts.Add("q=%ED%A0%80"); // a lone surrogate, as raw UTF-8 bytes
        if (random.Next(20) == 0) parts.Add("q=%FF%FE");    // not UTF-8 at all
        return string.Join("&", parts);
    }

    private static string RandomValue(Random random) => random.Next(6) switch
    {
        0 => Tricky[random.Next(Tricky.Length)],
        1 => Tricky[random.Next(Tricky.Length)] + " " + Tricky[random.Next(Tricky.Length)],
        2 => RandomUnicode(random, random.Next(1, 12)),
        3 => random.Next(-5, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => new string("自動運転 \"(-"[random.Next(8)], random.Next(100, 800)),
        _ => "",
    };

    // Any code point, surrogate pairs included; lone surrogates are sent as raw bytes above.
    private static string RandomUnicode(Random random, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            int cp;
            do cp = random.Next(6) == 0 ? random.Next(0x10000, 0x110000) : random.Next(0, 0x10000);
            while (cp is >= 0xD800 and <= 0xDFFF);
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    private static string Encode(string s) => Uri.EscapeDataString(s);

    private static string Cut(string s) => s.Length > 200 ? s[..200] + $"…({s.Length} chars)" : s;
}
