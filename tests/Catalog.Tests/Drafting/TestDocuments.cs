using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Catalog.Tests.Drafting;

/// <summary>Documents the draft tests read: a 公募 notice as text, HTML and PDF, and broken or hostile PDFs built byte by byte.</summary>
internal static class TestDocuments
{
    /// <summary>A notice in the shape ministries publish, with the notations the issue names (全角, （金）正午, 〜, 千円).</summary>
    public static readonly string[] NoticeLines =
    [
        "令和７年度「地域データ連携モデル事業」の公募について",
        "総務省では、地域のデータ連携を進めるため、令和７年度「地域データ連携モデル事業」の公募を実施します。",
        "１　公募期間",
        "令和７年４月１０日（木）〜令和７年５月９日（金）正午まで",
        "２　提案主体",
        "地方公共団体、民間企業等",
        "３　補助率　１／２以内",
        "４　補助上限額　３０，０００千円",
        "５　問い合わせ先",
        "総務省 情報流通行政局 地域通信振興課",
        "電話：０３－５２５３－５７５７",
    ];

    public static string NoticeHtml() =>
        "<!DOCTYPE html><html><head><title>公募</title><script>var x = '<p>補助率 9/10</p>';</script></head><body><main>"
        + string.Concat(NoticeLines.Select(l => $"<p>{l.Replace("&", "&amp;")}</p>\n")) + "</main></body></html>";

    private static readonly string[] FontPaths =
        ["/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"];

    /// <summary>A PDF with a Japanese text layer (IPA Gothic, installed by CI), one line per string, <paramref name="pages"/> pages.</summary>
    /// <summary>The notice as a PDF, built once per test run (PdfPig's builder takes seconds over a CJK font).</summary>
    public static byte[] NoticePdf => LazyNoticePdf.Value;

    private static readonly Lazy<byte[]> LazyNoticePdf = new(() => Pdf(NoticeLines));

    public static byte[] Pdf(IReadOnlyList<string> lines, int pages = 1)
    {
        var font = FontPaths.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("IPA Gothic is not installed (apt-get install fonts-ipafont-gothic)");
        var builder = new PdfDocumentBuilder();
        var added = builder.AddTrueTypeFont(File.ReadAllBytes(font));
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            foreach (var line in lines)
            {
                page.AddText(line, 10.5, new PdfPoint(50, y), added);
                y -= 18;
            }
        }
        return builder.Build();
    }

    /// <summary>A minimal PDF around one object body, with a correct cross-reference table.</summary>
    public static byte[] RawPdf(string catalogExtra = "", string trailerExtra = "", string? extraObject = null, int pages = 1)
    {
        // Objects 1 and 2 are the catalogue and the page tree, then the extra object (4 when pages is 1), then the pages.
        var first = extraObject is null ? 3 : 4;
        var kids = string.Join(" ", Enumerable.Range(first, pages).Select(n => $"{n} 0 R"));
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra}>>",
            $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        };
        if (extraObject is not null) objects.Add(extraObject);
        for (var p = 0; p < pages; p++) objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }

    /// <summary>A PDF protected by a user password (RC4, revision 2) that is not the empty one.</summary>
    public static byte[] EncryptedPdf() => RawPdf(
        trailerExtra: "/Encrypt 3 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ",
        extraObject: "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
            + "/O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>");

    /// <summary>A PDF whose catalogue holds arrays nested <paramref name="depth"/> deep.</summary>
    public static byte[] NestedPdf(int depth) => RawPdf(catalogExtra: "/Deep " + new string('[', depth) + new string(']', depth) + " ");
}
