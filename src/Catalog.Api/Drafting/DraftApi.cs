using System.ComponentModel;
using Catalog.Api.Parameters;
using Catalog.Core.Drafting;
using Catalog.Core.Programs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Api.Drafting;

/// <summary>
/// POST /api/drafts: the records <c>draft</c> would write for a document sent as the request body,
/// with the document's text so the staff page can show each quote in place. Writes nothing: the
/// file is still imported by the verbs after review.
/// </summary>
public static class DraftApi
{
    public sealed record DraftedDocument(string Name, string Format, string Text);

    public sealed record DraftResponse(DraftedDocument Document, IReadOnlyList<ProgramRecord> Records);

    public static readonly TextParameter NameRule = new("name", 255) { Examples = ["notice.pdf"] };

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags("Drafts")
            .MapPost("/drafts", PostDraft).WithName("PostDraft")
            .WithSummary("Drafts records from a document (PDF, saved HTML page or text) sent as the body; every value with its quote. Nothing is stored.")
            .Accepts<byte[]>("application/pdf", "text/html", "text/plain", "application/octet-stream")
            .WithParameters(NameRule)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    public static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> PostDraft(
        HttpContext context,
        [Description("The document's file name (notice.pdf); it names the document in the records' sources.")] string? name,
        CancellationToken cancel)
    {
        var limits = DocumentLimits.Default;
        try { NameRule.Parse(name); }
        catch (ParameterException e) { return TypedResults.Problem(Programs.SearchParameters.Problem(e)); }
        name = string.IsNullOrWhiteSpace(name) ? "document" : Path.GetFileName(name.Trim());
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxBytes + 1;
        var body = await ReadBodyAsync(context.Request, limits.MaxBytes, cancel);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Document too large", $"{name}: more than the limit of {limits.MaxBytes:N0} bytes; not read");
        try
        {
            var document = DraftDocument.FromBytes(name, body, limits);
            var records = Drafter.Draft(document, name, stored: false);
            return TypedResults.Ok(new DraftResponse(new(document.Name, document.Format.ToString().ToLowerInvariant(), document.Text), records));
        }
        catch (DocumentRefusedException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Document not read", e.Message);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    // Reads at most max bytes; null when the body is longer (whatever Content-Length claimed).
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancel)
    {
        if (request.ContentLength > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + read > max) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return null; }
        return buffer.ToArray();
    }
}
