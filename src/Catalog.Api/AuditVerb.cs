using Catalog.Core.Audit;
using Catalog.Core.Import;

namespace Catalog.Api;

/// <summary>
/// The audit verb: validates a seed folder as the importer would (writing nothing), checks every
/// evidence quote against the source documents, checks that each quote states the value it is
/// evidence for, and prints how the stated values are supported.
/// </summary>
public static class AuditVerb
{
    public static int Run(IServiceProvider services, List<string> positional, string? documents, bool sourcesTable = false)
    {
        var seed = positional.Count > 0 ? positional[0] : "seed";
        documents ??= Path.Combine(seed, "documents");
        // Whether quotes state their values is checked below, to count every value, not refused here.
        var (result, programs, loose) = services.GetRequiredService<CatalogImporter>().Validate(seed, new ImportOptions { CheckEvidenceSupport = false });
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e);
            Console.Error.WriteLine($"{result.Errors.Count} error(s) in {seed}; nothing was audited.");
            return 1;
        }
        var audit = EvidenceAudit.Run(programs, loose, documents);
        if (sourcesTable)
        {
            Console.Write(SourcesTable.Markdown(audit.Documents, programs, loose));
            return audit.Succeeded ? 0 : 1;
        }
        Console.WriteLine($"Evidence audit of {seed} against {documents}:");
        Console.WriteLine(audit.Summary());
        foreach (var problem in audit.Problems) Console.Error.WriteLine(problem);
        return audit.Succeeded ? 0 : 1;
    }
}
