using System.Text.Json.Nodes;
using Catalog.Tests.Support;

namespace Catalog.Tests.Support;

/// <summary>
/// A copy of seed/ with four edits, as a new year's input would bring: a moved deadline, a
/// changed cap (each with its quote), a new program (with a timed window) and a program left out. The programs are
/// chosen from the seed by what they hold, so the copy follows the seed as it grows.
/// </summary>
public sealed class EditedSeed : IDisposable
{
    public const string NewId = "zz-test-new-program";
    public const string NewName = "【試験】新しい支援制度";
    public const string MovedDeadline = "令和2年8月14日";
    public const string NewCap = "2.2億円";

    public EditedSeed()
    {
        CopyFolder(RepoPaths.Seed, Folder.Path);
        var files = Directory.GetFiles(Folder.Combine("programs"), "*.json").Order(StringComparer.Ordinal).ToList();
        var all = Directory.GetFiles(Folder.Path, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        // The moved deadline: the program whose first window (with a start and an end) closed earliest,
        // so later seed additions do not change which one it is.
        var deadlineFile = files.Where(f => Read(f)["windows"] is JsonArray { Count: > 0 } w && w[0]!["start"] is not null && w[0]!["end"] is not null)
            .OrderBy(f => EndOf(Read(f)["windows"]![0]!["end"]!.GetValue<string>())).ThenBy(f => f, StringComparer.Ordinal).First();
        var capFile = files.First(f => f != deadlineFile && Read(f)["caps"] is JsonArray { Count: > 0 });
        // Left out: a program nothing else names (no adoption table, no related link), so its removal is the whole change.
        // (evidence names other records as "derived-from:<id>").
        var removedFile = files.First(f => f != deadlineFile && f != capFile
            && all.Count(text => text.Contains($"\"{Id(f)}\"", StringComparison.Ordinal) || text.Contains($"derived-from:{Id(f)}\"", StringComparison.Ordinal)) == 1);

        DeadlineId = Id(deadlineFile);
        CapId = Id(capFile);
        RemovedId = Id(removedFile);

        // A value is edited with its quote (the importer refuses a value its quote does not state).
        var deadline = Read(deadlineFile);
        DeadlineBefore = deadline["windows"]![0]!["end"]!.GetValue<string>();
        deadline["windows"]![0]!["end"] = MovedDeadline;
        DeadlineQuotePath = Restate(deadline, "windows[0].end", $"締切 {MovedDeadline}");
        Write(deadlineFile, deadline);

        var cap = Read(capFile);
        CapBefore = cap["caps"]![0]!["text"]!.GetValue<string>();
        cap["caps"]![0]!["text"] = NewCap;
        cap["caps"]![0]!.AsObject().Remove("amountYen"); // derived: the importer works it out from the text
        CapQuotePath = Restate(cap, "caps[0].text", $"上限 {NewCap}");
        Write(capFile, cap);

        File.Delete(removedFile);

        var added = Read(deadlineFile);
        added["id"] = NewId;
        added["name"] = NewName;
        added["familyKey"] = NewId;
        added.Remove("aliases");
        added.Remove("related");
        // A test record of our own: it cites nothing, so it carries no evidence or eligibility rules.
        added.Remove("evidence");
        added.Remove("eligibility");
        added["windows"] = new JsonArray(new JsonObject
        {
            ["round"] = "第1回",
            ["start"] = "2025-04-01T10:00:00+09:00",
            ["end"] = "2025-05-30T17:00:00+09:00",
        });
        Write(Folder.Combine("programs", NewId + ".json"), added);
    }

    /// <summary>
    /// Appends the new value's words to the first quote that covers <paramref name="path"/>, as a new
    /// year's page would state it; returns the path of that quote (evidence[3].quote).
    /// </summary>
    private static string Restate(JsonObject record, string path, string words)
    {
        var evidence = record["evidence"]!.AsArray();
        for (var i = 0; i < evidence.Count; i++)
        {
            var field = evidence[i]!["field"]!.GetValue<string>();
            var covers = path == field || (path.StartsWith(field, StringComparison.Ordinal) && path[field.Length] is '.' or '[');
            if (!covers || evidence[i]!["quote"] is null) continue;
            evidence[i]!["quote"] = $"{evidence[i]!["quote"]!.GetValue<string>()} {words}";
            return $"evidence[{i}].quote";
        }
        throw new InvalidOperationException($"no quote covers {path}");
    }

    private static DateOnly EndOf(string text) =>
        Catalog.Core.Notation.Wareki.TryParseDate(text, out var d) ? d : DateOnly.FromDateTime(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).DateTime);

    public TempFolder Folder { get; } = new();
    public string Path => Folder.Path;
    public string DeadlineId { get; }
    public string DeadlineBefore { get; }
    public string CapId { get; }
    public string CapBefore { get; }
    /// <summary>The quote edited with the deadline, and the one edited with the cap (evidence[n].quote).</summary>
    public string DeadlineQuotePath { get; }
    public string CapQuotePath { get; }
    public string RemovedId { get; }

    /// <summary>Applies one more edit to a program of the copy.</summary>
    public void Edit(string id, Action<JsonObject> edit)
    {
        var file = Directory.GetFiles(Folder.Combine("programs"), "*.json").First(f => Id(f) == id);
        var node = Read(file);
        edit(node);
        Write(file, node);
    }

    public void Dispose() => Folder.Dispose();

    private static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    private static string Id(string file) => Read(file)["id"]!.GetValue<string>();

    private static void Write(string file, JsonNode node) =>
        File.WriteAllText(file, node.ToJsonString(Catalog.Core.Programs.ProgramJson.Indented));

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
    }
}
