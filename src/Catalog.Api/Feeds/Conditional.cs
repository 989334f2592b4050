using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Feeds;

/// <summary>
/// Conditional GET for generated documents (RFC 9110 §13): a strong ETag from the bytes and a
/// Last-Modified the caller knows; If-None-Match wins over If-Modified-Since, as the RFC says.
/// </summary>
public static class Conditional
{
    public static IResult Respond(HttpContext context, byte[] body, string contentType,
        DateTimeOffset lastModified)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        // HTTP dates have whole seconds.
        lastModified = DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds());
        var response = context.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true }; // store, but ask again each time

        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified <= since;
        if (notModified) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, contentType);
    }
}
