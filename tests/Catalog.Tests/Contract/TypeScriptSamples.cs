using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Tests.Contract;

/// <summary>
/// Writes live responses as TypeScript assignments to the types openapi-typescript generated
/// from the document: <c>const r: paths["/api/programs"]["get"]["responses"][200]["content"]["application/json"] = {…};</c>.
/// tsc then checks each body against its operation, status and content type: a missing or
/// mistyped member, a member the document does not name, or an undocumented status or media
/// type is a compile error.
/// </summary>
public static class TypeScriptSamples
{
    public static string Write(JsonObject document, IEnumerable<LiveResponse> responses)
    {
        var ts = new StringBuilder("import type { paths } from \"./api\";\n\n");
        var n = 0;
        foreach (var r in responses)
        {
            var (path, method) = Find(document, r.Sample.OperationId);
            var status = r.Status.ToString(CultureInfo.InvariantCulture);
            var type = $"paths[{Quote(path)}][{Quote(method)}][\"responses\"][{status}]";
            ts.Append("// ").Append(r.Sample.OperationId).Append(' ').Append(r.Sample.Url.Length > 120 ? r.Sample.Url[..120] + "…" : r.Sample.Url).Append('\n');
            if (r.Body.Length == 0)
            {
                // 304: no body; the status must be documented.
                ts.Append($"export type Sample{n++} = {type};\n\n");
                continue;
            }
            var response = document["paths"]![path]![method]!["responses"]![status]!;
            var key = ContentKey(response, r.ContentType, r.Sample);
            ts.Append($"export const sample{n++}: {type}[\"content\"][{Quote(key)}] = {Body(key, r.Body)};\n\n");
        }
        return ts.ToString();
    }

    /// <summary>The media type the document lists for this response: the Content-Type as sent, or without its parameters.</summary>
    public static string ContentKey(JsonNode response, string? contentType, LiveSample sample)
    {
        var keys = response["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
        var sent = (contentType ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var bare = sent.Split(';')[0];
        return keys.FirstOrDefault(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() == sent)
            ?? keys.FirstOrDefault(k => k.ToLowerInvariant() == bare)
            ?? throw new Xunit.Sdk.XunitException($"{sample.OperationId} {sample.Url}: the document lists [{string.Join(", ", keys)}] for {sample.Status}, the server sent '{contentType}'");
    }

    private static string Body(string mediaType, byte[] body)
    {
        if (mediaType.Contains("json", StringComparison.Ordinal) && !mediaType.Contains("ndjson", StringComparison.Ordinal))
            return JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        // Text and files: a string (the document types them so); the first characters are enough.
        var text = mediaType.Contains("shift_jis", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("spreadsheet", StringComparison.Ordinal)
            ? $"({body.Length} bytes)"
            : Encoding.UTF8.GetString(body);
        return Quote(text.Length > 300 ? text[..300] : text);
    }

    private static (string Path, string Method) Find(JsonObject document, string operationId) =>
        document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key, Id: m.Value!["operationId"]?.GetValue<string>())))
            .Where(x => x.Id == operationId).Select(x => (x.Path, x.Method))
            .DefaultIfEmpty(default).Single() is { Path: not null } found
            ? found
            : throw new Xunit.Sdk.XunitException($"The document has no operation '{operationId}'.");

    private static string Quote(string s) => JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
