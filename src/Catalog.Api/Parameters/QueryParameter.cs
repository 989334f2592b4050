using Microsoft.OpenApi;

namespace Catalog.Api.Parameters;

/// <summary>
/// A query parameter as the API parses it. The same object parses a request's text and gives the
/// OpenAPI document its schema (<see cref="OpenApi.ParameterSchemas"/>), so the document says what
/// the parser accepts: every value the schema allows parses; a few the parser also takes (case,
/// aliases) are named in the parameter's description.
/// </summary>
/// <remarks>Values arrive as text and are parsed here, so a bad one gets a 400 naming the parameter.</remarks>
public abstract record QueryParameter(string Name)
{
    /// <summary>May be repeated (?kind=a&amp;kind=b); the schema is then an array of <see cref="ValueSchema"/>.</summary>
    public bool Many { get; init; }

    /// <summary>The schema of one value.</summary>
    public abstract OpenApiSchema ValueSchema();

    /// <summary>The schema of the parameter: one value, or an array of them.</summary>
    public OpenApiSchema Schema() => Many ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = ValueSchema() } : ValueSchema();

    protected ParameterException Invalid(string detail) => new(Name, detail);
}

/// <summary>A parameter's value does not parse; the API answers 400 with a ProblemDetails naming it.</summary>
public sealed class ParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
