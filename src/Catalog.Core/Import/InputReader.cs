using System.Text;
using System.Text.Json;
using Catalog.Core.Programs;

namespace Catalog.Core.Import;

/// <summary>One record as found in an input file: where it is, and its JSON.</summary>
internal sealed record InputRecord(string File, JsonLineMap Lines, string Path, JsonElement Json, bool IsAdoption, bool IsMaster = false)
{
    /// <summary>For a record read from a workbook or CSV sheet: where each JSON path was typed.</summary>
    public Workbook.CellMap? Cells { get; init; }
}

/// <summary>
/// Reads import input: a file or a folder of them. A .json file holds one program, an adoption
/// table ({"adoptions": [...]}), an export ({"programs": [...]}) or an array of programs; a
/// .ndjson file holds one program a line. Only well-formed UTF-8 is read.
/// </summary>
internal static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<string> Files(string path, List<ImportError> errors)
    {
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path))
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
        errors.Add(new(path, null, null, null, "no such file or folder"));
        return [];
    }

    public static IEnumerable<InputRecord> Read(string file, List<ImportError> errors)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (IOException e) { errors.Add(new(file, null, null, null, e.Message)); return []; }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try { StrictUtf8.GetCharCount(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException e)
        {
            var at = start + (e.Index < 0 ? 0 : e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
            errors.Add(new(file, line, null, null, $"not valid UTF-8 (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2} at offset {at}); save the file as UTF-8 (was it Shift_JIS?)"));
            return [];
        }

        var utf8 = bytes.AsMemory(start);
        return file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ReadLines(file, utf8, errors)
            : ReadDocument(file, utf8, errors);
    }

    private static List<InputRecord> ReadDocument(string file, ReadOnlyMemory<byte> utf8, List<ImportError> errors)
    {
        if (!TryParse(file, utf8, 1, errors, out var root)) return [];
        var lines = new JsonLineMap(utf8);
        var records = new List<InputRecord>();
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                AddArray(records, file, lines, "$", root, isAdoption: false);
                break;
            case JsonValueKind.Object when root.TryGetProperty("programs", out var programs) && !root.TryGetProperty("id", out _):
                if (programs.ValueKind != JsonValueKind.Array) errors.Add(new(file, lines.LineOf("$.programs"), null, "programs", "must be an array"));
                else AddArray(records, file, lines, "$.programs", programs, isAdoption: false);
                break;
            case JsonValueKind.Object when root.TryGetProperty("municipalities", out _) && !root.TryGetProperty("id", out _):
                records.Add(new(file, lines, "$", root, IsAdoption: false, IsMaster: true)); // the municipality master (#9)
                break;
            case JsonValueKind.Object when root.TryGetProperty("adoptions", out var adoptions) && !root.TryGetProperty("id", out _):
                if (adoptions.ValueKind != JsonValueKind.Array) errors.Add(new(file, lines.LineOf("$.adoptions"), null, "adoptions", "must be an array"));
                else AddArray(records, file, lines, "$.adoptions", adoptions, isAdoption: true);
                break;
            case JsonValueKind.Object:
                records.Add(new(file, lines, "$", root, IsAdoption: false));
                break;
            default:
                errors.Add(new(file, 1, null, null, "expected a JSON object or array"));
                break;
        }
        return records;
    }

    private static void AddArray(List<InputRecord> records, string file, JsonLineMap lines, string path, JsonElement array, bool isAdoption)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
            records.Add(new(file, lines, $"{path}[{i++}]", item, isAdoption));
    }

    private static List<InputRecord> ReadLines(string file, ReadOnlyMemory<byte> utf8, List<ImportError> errors)
    {
        var records = new List<InputRecord>();
        var lineNumber = 0;
        var rest = utf8;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty) continue;
            if (TryParse(file, line, lineNumber, errors, out var element))
                records.Add(new(file, new JsonLineMap(line, lineNumber), "$", element, IsAdoption: false));
        }
        return records;
    }

    private static bool TryParse(string file, ReadOnlyMemory<byte> utf8, int firstLine, List<ImportError> errors, out JsonElement root)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false });
            root = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            var line = firstLine + (int)(e.LineNumber ?? 0);
            errors.Add(new(file, line, null, null, $"malformed JSON: {e.Message}"));
            root = default;
            return false;
        }
    }

    public static ProgramRecord? ToProgram(InputRecord input, List<ImportError> errors) => Deserialize<ProgramRecord>(input, errors);

    public static Adoption? ToAdoption(InputRecord input, List<ImportError> errors) => Deserialize<Adoption>(input, errors);

    private static T? Deserialize<T>(InputRecord input, List<ImportError> errors) where T : class
    {
        if (input.Json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(input.File, input.Lines.LineOf(input.Path), null, null, "expected a JSON object"));
            return null;
        }
        try
        {
            return input.Json.Deserialize<T>(ProgramJson.Strict);
        }
        catch (JsonException e)
        {
            var id = input.Json.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            var field = e.Path is null or "$" ? null : e.Path.TrimStart('$', '.');
            var fieldPath = e.Path is null ? input.Path : input.Path + e.Path.TrimStart('$');
            errors.Add(new(input.File, input.Lines.LineOf(fieldPath), id, field, CleanMessage(e)));
            return null;
        }
    }

    // System.Text.Json's messages end with the path and position we already report.
    private static string CleanMessage(JsonException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? m[..cut] : m;
    }
}
