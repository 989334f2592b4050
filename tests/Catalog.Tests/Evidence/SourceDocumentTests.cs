using Catalog.Core.Audit;
using Catalog.Core.Programs;
using Catalog.Tests.Support;

namespace Catalog.Tests.Evidence;

/// <summary>Stored official pages (#23): a header that says where each came from, official hosts only.</summary>
public sealed class SourceDocumentTests
{
    private const string Header = """
        ---
        address: https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000387.html
        publisher: 総務省 情報流通行政局
        date: 記載なし
        retrieved: 2026-12-04 (search tool, corpus pages)
        licence: 政府標準利用規約（第2.0版）に準拠（CC BY 4.0 互換）。出典：総務省ウェブサイト
        ---
        2 公募期間
        令和6年4月5日(金)〜同年5月10日(金)正午まで
        """;

    [Theory]
    [InlineData("https://www.soumu.go.jp/x.html", true)]
    [InlineData("https://www.town.tomamae.lg.jp/section/a.html", true)]
    [InlineData("http://www.pref.aichi.jp/soshiki/chiho-sosei/digiden.html", true)]
    [InlineData("https://www.city.muko.kyoto.jp/soshiki/1/15455.html", true)]
    [InlineData("https://industry.city.sagamihara.kanagawa.jp/cat_info/meti-75", true)]
    [InlineData("https://www.soumu.go.jp./menu_seisaku/a.html", true)]
    [InlineData("https://joseikin-insight.com/grants/x", false)]
    [InlineData("https://go.jp.example.com/x", false)]
    [InlineData("https://news.3rd-in.co.jp/article/x", false)]
    [InlineData("ftp://www.soumu.go.jp/x", false)]
    public void OnlyGovernmentHostsAreOfficial(string address, bool official) =>
        Assert.Equal(official, SourceDocument.IsOfficial(address));

    [Fact]
    public void TheHeaderIsReadAndTheBodyIsWhatFollows()
    {
        var d = SourceDocument.Parse("soumu-test.txt", Header);
        Assert.Equal("https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000387.html", d.Address);
        Assert.Equal("総務省 情報流通行政局", d.Publisher);
        Assert.StartsWith("2 公募期間", d.Body);
        Assert.Empty(d.Problems());
    }

    [Fact]
    public void ADocumentWithoutHeaderOrFromAnAggregatorIsAProblem()
    {
        Assert.Contains(SourceDocument.Parse("blog.txt", "本文のみ").Problems(), p => p.Contains("no source header"));
        Assert.Empty(SourceDocument.Parse("002_73909b06327bf539.txt", "本文のみ").Problems()); // an original seed document
        var aggregator = SourceDocument.Parse("x.txt", Header.Replace("https://www.soumu.go.jp/", "https://joseikin-insight.com/"));
        Assert.Contains(aggregator.Problems(), p => p.Contains("not an official site"));
        var noLicence = SourceDocument.Parse("x.txt", Header.Replace("licence: 政府標準利用規約（第2.0版）に準拠（CC BY 4.0 互換）。出典：総務省ウェブサイト\n", ""));
        Assert.Contains(noLicence.Problems(), p => p.Contains("licence"));
    }

    [Fact]
    public void TheAuditChecksQuotesAgainstThePageAndTheUrlAgainstItsAddress()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("soumu-test.txt"), Header);
        var p = new ProgramRecord
        {
            Id = "t", Name = "公募期間", Ministry = "総務省", Url = "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000387.html",
            Sources = [new Source { Document = "soumu-test.txt" }],
            Evidence =
            [
                new() { Field = "name", Document = "soumu-test.txt", Quote = "2 公募期間" },
                new() { Field = "ministry", Basis = Core.Programs.Evidence.GeneralKnowledge, Reason = "総務省のサイト" },
                new() { Field = "url", Document = "soumu-test.txt", Quote = "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000387.html" },
                // The header is not the page: a quote from it is not found.
                new() { Field = "notes", Document = "soumu-test.txt", Quote = "総務省 情報流通行政局" },
            ],
        };
        var audit = EvidenceAudit.Run([p], [], folder.Path);
        var problem = Assert.Single(audit.Problems);
        Assert.Equal("notes", problem.Field);
        Assert.Single(audit.Documents);
    }

    [Fact]
    public void DocsSourcesMdIsTheTableTheAuditVerbPrints()
    {
        using var t = new Import.TestStore();
        var (code, stdout, stderr) = VerbProcess.Run(t.Folder.Combine("data"), "audit", RepoPaths.Seed, "--sources");
        Assert.True(code == 0, stdout + stderr);
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "sources.md")).ReplaceLineEndings("\n");
        Assert.Contains(stdout.ReplaceLineEndings("\n"), page);
    }
}
