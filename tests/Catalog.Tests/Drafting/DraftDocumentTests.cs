using Catalog.Core.Audit;
using Catalog.Core.Drafting;
using Catalog.Core.Programs;
using Catalog.Tests.Support;

namespace Catalog.Tests.Drafting;

/// <summary>Reading text, HTML and PDF for a draft, and refusing what is broken or built to hurt, by name and limit.</summary>
public sealed class DraftDocumentTests
{
    [Theory]
    [InlineData("notice.txt")]
    [InlineData("notice.html")]
    [InlineData("notice.pdf")]
    public void ANoticeInEachFormatGivesTheSameValuesEachWithAQuoteThatOccursInTheDocument(string file)
    {
        using var folder = new TempFolder();
        var path = folder.Combine(file);
        if (file.EndsWith(".pdf")) File.WriteAllBytes(path, TestDocuments.NoticePdf);
        else File.WriteAllText(path, file.EndsWith(".html") ? TestDocuments.NoticeHtml() : string.Join("\n", TestDocuments.NoticeLines));

        var document = DraftDocument.Read(path);
        var record = Assert.Single(Drafter.Draft(document, "notice.txt", stored: true));

        Assert.Equal("地域データ連携モデル事業", record.Name);
        Assert.Equal("総務省", record.Ministry);
        Assert.Equal("情報流通行政局", record.Bureau);
        Assert.Equal([2025], record.FiscalYears);
        Assert.Equal("１／２以内", record.Rate?.Text);
        Assert.Equal("３０，０００千円", Assert.Single(record.Caps).Text);
        var window = Assert.Single(record.Windows);
        Assert.Equal(("2025-04-10", "2025-05-09T12:00:00+09:00"), (window.Start, window.End));
        Assert.Equal(["地方公共団体", "民間事業者"], record.Applicants);
        Assert.Equal("０３－５２５３－５７５７", Assert.Single(record.Contacts).Phone);
        Assert.Equal(["補助金"], record.Kinds); // the name says 事業 only; its 補助率 says 補助金
        var body = EvidenceAudit.Normalise(document.Text);
        Assert.All(record.Evidence, e => Assert.Contains(EvidenceAudit.Normalise(e.Quote!), body));
        // The script's 9/10 is not text a reader sees.
        Assert.DoesNotContain("9/10", document.Text);
    }

    [Fact]
    public void WhatTheDocumentDoesNotSayIsListedAsMissingNotGuessed()
    {
        var document = new DraftDocument("short.txt", DraftFormat.Text, "地域交流事業の募集について\n詳細は追ってお知らせします。\n", null);

        var record = Assert.Single(Drafter.Draft(document, "short.txt", stored: false));

        Assert.Null(record.Rate);
        Assert.Empty(record.Caps);
        Assert.Equal("", record.Ministry);
        Assert.Contains("rate", record.Draft!.Missing);
        Assert.Contains("ministry", record.Draft.Missing);
        Assert.Contains(record.Draft.Unsure, u => u.Field == "sources[0]"); // not stored: cannot be imported as is
    }

    [Fact]
    public void AFileOverTheSizeLimitIsRefusedBeforeItIsRead()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("huge.pdf");
        using (var f = File.Create(path)) f.SetLength(DocumentLimits.Default.MaxBytes + 1); // sparse: nothing is written

        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.Read(path));

        Assert.Contains("huge.pdf", e.Message);
        Assert.Contains("more than the limit of 20,971,520", e.Message);
    }

    [Fact]
    public void APdfWithMorePagesThanTheLimitIsRefused()
    {
        var pdf = TestDocuments.RawPdf(pages: 4);
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("long.pdf", pdf, new DocumentLimits { MaxPages = 3 }));
        Assert.Equal("long.pdf: the PDF has 4 pages, more than the limit of 3; not read", e.Message);
    }

    [Fact]
    public void APdfThatTakesLongerThanTheTimeLimitIsRefused()
    {
        var pdf = TestDocuments.RawPdf(pages: 40);
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("slow.pdf", pdf, new DocumentLimits { MaxTime = TimeSpan.FromTicks(1) }));
        Assert.StartsWith("slow.pdf: reading the PDF took longer than", e.Message);
    }

    [Fact]
    public void APdfThatNeedsAPasswordIsRefusedAsEncrypted()
    {
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("locked.pdf", TestDocuments.EncryptedPdf()));
        Assert.Equal("locked.pdf: the PDF is encrypted and needs a password; save an unprotected copy", e.Message);
    }

    [Fact]
    public void APdfNestedDeeperThanAnyRealFileIsRefusedBeforeAParserRecursesIntoIt()
    {
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("deep.pdf", TestDocuments.NestedPdf(100_000)));
        Assert.Equal("deep.pdf: the PDF nests arrays or dictionaries deeper than 64 levels; not read", e.Message);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("no text")]
    public void ABrokenPdfIsRefusedWithOneLineNamingIt(string how)
    {
        var valid = TestDocuments.RawPdf(catalogExtra: "/Lang (ja) ", pages: 3);
        var bytes = how switch
        {
            "truncated" => valid[..(valid.Length / 3)],
            "garbage" => [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))],
            _ => TestDocuments.RawPdf(),
        };
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("broken.pdf", bytes));
        Assert.StartsWith("broken.pdf: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void DeeplyNestedHtmlIsReadInOnePassWithoutRecursion()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "補助率 1/2" + string.Concat(Enumerable.Repeat("</div>", 50_000)) + "</body></html>";
        var document = DraftDocument.FromBytes("deep.html", System.Text.Encoding.UTF8.GetBytes(html));
        Assert.Equal("補助率 1/2", document.Text.Trim());
    }

    [Fact]
    public void BinaryDataThatIsNotAPdfIsRefused()
    {
        var e = Assert.Throws<DocumentRefusedException>(() => DraftDocument.FromBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]));
        Assert.Equal("image.png: binary data, not text, HTML or PDF", e.Message);
    }
}
