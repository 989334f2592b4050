using System.Text.Json;
using Catalog.Core.Drafting;
using Catalog.Core.Programs;

namespace Catalog.Api.Drafting;

/// <summary>
/// The draft verb: reads a document (text, saved HTML page or PDF), writes the proposed records in
/// the import format, and with --url stores the document under seed/documents with its address.
/// A refused document gets one line naming the file and the limit, and nothing is written.
/// </summary>
public static class DraftVerb
{
    public static int Run(List<string> positional, string? url, string? output, string? documents)
    {
        if (positional.Count != 1) { Console.Error.WriteLine("draft takes one document file"); return 2; }
        var input = positional[0];
        if (url is not null && DocumentArchive.AddressProblem(url) is { } why) { Console.Error.WriteLine($"{why}; nothing was written"); return 2; }
        DraftDocument document;
        try { document = DraftDocument.Read(input); }
        catch (DocumentRefusedException e) { Console.Error.WriteLine($"{e.Message}; nothing was written"); return 1; }

        documents ??= Path.Combine("seed", "documents");
        // A stored document (with its header) drafted again keeps its name and is not stored twice.
        var alreadyStored = document.Address is not null
            || string.Equals(Path.GetDirectoryName(Path.GetFullPath(input)), Path.GetFullPath(documents).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        var store = url is not null && !alreadyStored;
        var storedName = store ? DocumentArchive.NameFor(url!) : Path.GetFileName(input);
        var storedPath = Path.Combine(documents, storedName);
        if (store) document = document with { Address = url }; // the record's url, quoted from the header
        if (store && !Directory.Exists(documents)) { Console.Error.WriteLine($"draft cannot store the document: the folder '{documents}' does not exist; nothing was written"); return 1; }

        var records = Drafter.Draft(document, storedName, stored: store || alreadyStored);
        var publisher = records.Select(r => string.Join(" ", new[] { r.Ministry, r.Bureau }.Where(s => !string.IsNullOrEmpty(s)))).FirstOrDefault(s => s.Length > 0);
        var stored = store ? DocumentArchive.Render(url!, publisher, DateOnly.FromDateTime(DateTime.Now), document.Text) : null;
        if (stored is not null && File.Exists(storedPath) && File.ReadAllText(storedPath) is var existing && !SameBody(existing, document.Text))
        {
            Console.Error.WriteLine($"draft cannot store the document: {storedPath} already exists with another text; nothing was written");
            return 1;
        }
        if (store)
            foreach (var r in records)
                r.Draft!.Unsure.Add(new() { Field = "sources[0]", Reason = $"{storedName} のヘッダーの publisher・date・licence（{DocumentArchive.ToCheck}）を元のページで確かめて書いてください" });

        var json = records.Count == 1
            ? JsonSerializer.Serialize(records[0], ProgramJson.Indented)
            : JsonSerializer.Serialize(records, ProgramJson.Indented);
        try
        {
            WriteAll(output, json + "\n", stored, storedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"draft could not write '{output ?? storedPath}': {e.Message}; nothing was written");
            return 1;
        }
        foreach (var r in records)
            Console.Error.WriteLine($"{input}: drafted {r.Id}「{r.Name}」: {Describe(r.Draft!)}");
        if (stored is not null) Console.Error.WriteLine($"Stored the document as {storedPath}.");
        return 0;
    }

    private static string Describe(DraftReview review) =>
        review.IsResolved ? "nothing left to review" : $"to review before import: {review.Describe()}";

    private static bool SameBody(string storedFile, string text) =>
        Core.Audit.SourceDocument.Parse("", storedFile).Body == text;

    // Both files beside their names first, then moved: a failure leaves neither half-written.
    private static void WriteAll(string? output, string json, string? stored, string storedPath)
    {
        var partials = new List<(string Partial, string Final)>();
        try
        {
            if (output is not null) { File.WriteAllText(output + ".partial", json); partials.Add((output + ".partial", output)); }
            if (stored is not null) { File.WriteAllText(storedPath + ".partial", stored); partials.Add((storedPath + ".partial", storedPath)); }
            foreach (var (partial, final) in partials) File.Move(partial, final, overwrite: true);
        }
        finally
        {
            foreach (var (partial, _) in partials) File.Delete(partial);
        }
        if (output is null) Console.Out.Write(json);
    }
}
