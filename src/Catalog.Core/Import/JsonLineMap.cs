using System.Text.Json;

namespace Catalog.Core.Import;

/// <summary>
/// Maps JSON paths ($.programs[2].windows[0].end) to 1-based line numbers of a document, so an
/// error found after parsing can still name the line a person should open. The map is made when
/// a line is first asked for: an import of 100,000 clean records never needs one, and mapping
/// every path of every record was a third of the import's reading and validating.
/// </summary>
internal sealed class JsonLineMap
{
    // The record's bytes (a slice of the file's), kept for the map while the import holds the record.
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly int _firstLine;
    private Dictionary<string, int>? _lines;

    public JsonLineMap(ReadOnlyMemory<byte> utf8, int firstLine = 1)
    {
        _utf8 = utf8;
        _firstLine = firstLine;
    }

    /// <summary>A map made by a reader that is not JSON (a workbook row): path → line (row).</summary>
    public JsonLineMap(IReadOnlyDictionary<string, int> lines)
    {
        _lines = new(lines, StringComparer.Ordinal);
    }

    private static Dictionary<string, int> Map(ReadOnlySpan<byte> utf8, int firstLine)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') newlines.Add(i);
        int LineOf(long offset)
        {
            var k = newlines.BinarySearch((int)offset);
            return firstLine + (k >= 0 ? k : ~k);
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();          // segments, e.g. ".windows", "[0]"
        var arrayIndex = new Stack<int>();       // next index of each open array; -1 for objects
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = "." + reader.GetString();
                        lines.TryAdd(Join(path) + pendingProperty, line);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        arrayIndex.Pop();
                        if (path.Count > 0 && arrayIndex.Count > 0) path.RemoveAt(path.Count - 1);
                        continue;
                }
                // A value: find its segment (a property name or an array index).
                string? segment = pendingProperty;
                pendingProperty = null;
                if (segment is null && arrayIndex.Count > 0 && arrayIndex.Peek() >= 0)
                {
                    var i = arrayIndex.Pop();
                    arrayIndex.Push(i + 1);
                    segment = $"[{i}]";
                    lines.TryAdd(Join(path) + segment, line);
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (segment is not null) path.Add(segment);
                    else lines.TryAdd("$", line);
                    arrayIndex.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the parser itself; keep what was mapped.
        }
        return lines;
    }

    private static string Join(List<string> path) => path.Count == 0 ? "$" : "$" + string.Concat(path);

    /// <summary>The line of the deepest mapped prefix of <paramref name="path"/>.</summary>
    public int? LineOf(string path)
    {
        _lines ??= Map(_utf8.Span, _firstLine);
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_lines.TryGetValue(p, out var line)) return line;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
