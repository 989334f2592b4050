using System.Text.Json.Nodes;
using Catalog.Core.Audit;
using Catalog.Core.Programs;
using Catalog.Tests.Import;
using Catalog.Tests.Support;
using Xunit.Abstractions;

namespace Catalog.Tests.Evidence;

public class EvidenceTests(ITestOutputHelper output)
{
    private static string Documents => Path.Combine(RepoPaths.Seed, "documents");

    private static readonly string[] DocumentNames =
        ["000_f9fad185daa86c82.txt", "001_0e8e236d470c8435.txt", "002_73909b06327bf539.txt", "003_bd57ed70619b4186.txt", "004_437ce2a4ea7c911a.txt"];

    private static (IReadOnlyList<ProgramRecord> Programs, IReadOnlyList<Adoption> Loose) ValidateSeed(TestStore t)
    {
        var (result, programs, loose) = t.Importer.Validate(RepoPaths.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return (programs, loose);
    }

    [Fact]
    public void EveryQuoteInTheSeedOccursVerbatimInItsSourceDocument()
    {
        using var t = new TestStore();
        var (programs, loose) = ValidateSeed(t);
        var audit = EvidenceAudit.Run(programs, loose, Documents);
        output.WriteLine(audit.Summary());
        Assert.True(audit.Succeeded, string.Join("\n", audit.Problems));
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Seed, "programs"), "*.json").Length, audit.Programs);
        Assert.True(audit.QuotesChecked > audit.Programs * 3, $"only {audit.QuotesChecked} quotes");
        Assert.All(programs, p => Assert.NotEmpty(p.Evidence));
        Assert.All(programs.SelectMany(p => p.Adoptions).Concat(loose), a => Assert.NotEmpty(a.Evidence));
        // Every checkable value of every kind is stated by its quote or rests on another basis.
        Assert.Equal(EvidenceSupport.Kinds, audit.Support.Select(s => s.Kind));
        Assert.All(audit.Support, s => Assert.True(s.Total > 0 && s.Unsupported == 0, $"{s.Kind}: {s.Unsupported} of {s.Total} unsupported"));
    }

    [Fact]
    public void TheAuditCountsAValueItsQuoteDoesNotStateAndNamesRecordFieldValueAndQuote()
    {
        using var t = new TestStore();
        var (programs, loose) = ValidateSeed(t);
        var society5 = programs.Single(p => p.Id == "chihou-sousei-suishin-koufukin-society5");
        var before = EvidenceAudit.Run([society5], [], Documents).For(ValueKind.Rate);
        society5.Rate!.Text = "2/3";

        var audit = EvidenceAudit.Run([society5], [], Documents);

        var rate = audit.For(ValueKind.Rate);
        Assert.Equal((before.Stated - 1, before.Unsupported + 1), (rate.Stated, rate.Unsupported));
        var problem = Assert.Single(audit.Problems);
        Assert.StartsWith("record 'chihou-sousei-suishin-koufukin-society5' field 'rate.text': the rate 2/3 is not stated by its quote: evidence[", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("「（令和3年度予算 1,000億円の内数 補助率 1/2）」 (002_73909b06327bf539.txt)", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentCopiesInTheRepositoryAreTheSharedSourceDocumentsByteForByte()
    {
        foreach (var name in DocumentNames) Assert.True(File.Exists(Path.Combine(Documents, name)), $"seed/documents/{name} is missing");
        // A clean clone has no ../shared; a workstation (or a worktree one level deeper) has.
        var shared = new[] { "../shared/seeds", "../../shared/seeds" }
            .Select(p => Path.GetFullPath(Path.Combine(RepoPaths.Root, p))).FirstOrDefault(Directory.Exists);
        if (shared is null) { output.WriteLine("no ../shared/seeds beside the repository: only the copies were checked"); return; }
        output.WriteLine($"compared with {shared}");
        Assert.Equal(DocumentNames, Directory.GetFiles(shared, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var name in DocumentNames)
            Assert.True(File.ReadAllBytes(Path.Combine(shared, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Documents, name))),
                $"seed/documents/{name} differs from {shared}/{name}");
    }

    [Fact]
    public void AQuoteThatDoesNotOccurIsReportedWithRecordFieldAndQuote()
    {
        using var t = new TestStore();
        var (programs, loose) = ValidateSeed(t);
        var joso = programs.Single(p => p.Id == "joso-ai-machizukuri-suishin");
        joso.Evidence.Single(e => e.Field == "budget").Quote = "予算額：11,200 千円"; // states the value, but is not in the document
        // Adoption rows of an import come back attached to their programs.
        var row = programs.Single(p => p.Id == "smart-city-model-project").Adoptions.First(a => a.Municipality == "札幌市");
        row.Evidence[0].Quote = "1 北海道札幌市 ☆";

        var audit = EvidenceAudit.Run(programs, loose, Documents);

        Assert.Equal(2, audit.Problems.Count);
        var text = string.Join("\n", audit.Problems);
        Assert.Contains("record 'joso-ai-machizukuri-suishin' field 'budget'", text);
        Assert.Contains("「予算額：11,200 千円」", text);
        Assert.Contains("record 'smart-city-model-project' field 'adoptions[0] (札幌市).municipality'", text);
        Assert.Contains("「1 北海道札幌市 ☆」", text);
    }

    [Fact]
    public void QuotesMatchAcrossLineBreaksAndPaddingButNotAcrossOtherDifferences()
    {
        // The document wraps 「…自治体 AI実装計画」 / 「の策定や…」 over two lines with a blank line between.
        Assert.Contains(EvidenceAudit.Normalise("自治体 AI実装計画の策定や、策定した計画"), EvidenceAudit.Normalise(File.ReadAllText(Path.Combine(Documents, "003_bd57ed70619b4186.txt"))));
        Assert.Equal("補助率1/2", EvidenceAudit.Normalise(" 補助率\u3000 1/2\r\n"));
        Assert.NotEqual(EvidenceAudit.Normalise("１/２"), EvidenceAudit.Normalise("1/2")); // width is not whitespace
    }

    [Fact]
    public void AValueWithoutDocumentEvidenceIsCountedByItsBasis()
    {
        using var t = new TestStore();
        var (programs, _) = ValidateSeed(t);
        var digital = programs.Single(p => p.Id == "digital-denen-suishin-koufukin-type1");
        var ministry = EvidencePaths.For(digital.Evidence, "ministry").Single();
        Assert.Equal(Core.Programs.Evidence.GeneralKnowledge, ministry.Basis);
        Assert.False(string.IsNullOrWhiteSpace(ministry.Reason));
        var audit = EvidenceAudit.Run([digital], [], Documents);
        Assert.Equal(1, audit.GeneralKnowledgeValues);
        Assert.Equal(0, audit.UnsupportedValues);
    }

    [Fact]
    public void TheAuditVerbPrintsTheCountsAndFailsOnAQuoteNotInTheDocument()
    {
        using var t = new TestStore();
        var (code, stdout, stderr) = VerbProcess.Run(t.Folder.Combine("data"), "audit", RepoPaths.Seed);
        Assert.True(code == 0, stdout + stderr);
        output.WriteLine(stdout);
        Assert.Matches(@"quoted from a source document: +\d+", stdout);
        Assert.Matches(@"basis general-knowledge: +\d+", stdout);
        Assert.Matches(@"without evidence: +0\b", stdout);
        foreach (var kind in new[] { "rate", "amount", "date", "fiscal year", "count", "name" })
            Assert.Matches($@"\n  {kind} +\d+ +\d+ +\d+ +0 +100 %", stdout); // values, stated, other basis, unsupported

        var seed = t.Folder.Combine("seed");
        CopyFolder(RepoPaths.Seed, seed);
        var file = Path.Combine(seed, "programs", "mirai-gijutsu-shakai-jisso.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("電話：03-6206-6175", "電話：03-6206-6176", StringComparison.Ordinal));
        (code, stdout, stderr) = VerbProcess.Run(t.Folder.Combine("data"), "audit", seed);
        Assert.Equal(1, code);
        Assert.Contains("record 'mirai-gijutsu-shakai-jisso' field 'contacts[0]': quote does not occur in the document", stderr);
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
