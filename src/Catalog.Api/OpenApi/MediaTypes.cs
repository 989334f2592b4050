using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>Response bodies that are not JSON objects, for the endpoints that stream files.</summary>
internal static class MediaTypes
{
    public static OpenApiMediaType Text(string description) =>
        new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description } };

    public static OpenApiMediaType Binary(string description) =>
        new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description } };

    /// <summary>The 200 response of <paramref name="operation"/>, created when the endpoint declared none.</summary>
    public static OpenApiResponse Ok(OpenApiOperation operation)
    {
        operation.Responses ??= [];
        if (operation.Responses.GetValueOrDefault("200") is OpenApiResponse ok) return ok;
        var created = new OpenApiResponse { Description = "OK" };
        operation.Responses["200"] = created;
        return created;
    }
}
