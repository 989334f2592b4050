using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Catalog.Api.Parameters;

/// <summary>
/// One of a list of words: a closed vocabulary (an enum in the document) or, when
/// <see cref="Closed"/> is false, a list the data may extend (the words are examples).
/// </summary>
public sealed record ChoiceParameter(string Name, IReadOnlyList<string> Values, string? Default = null) : QueryParameter(Name)
{
    public bool Closed { get; init; } = true;

    /// <summary>Upper and lower case are the same word (encoding=UTF-8).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>One value: <see cref="Default"/> when absent or empty, else one of <see cref="Values"/> as listed.</summary>
    public string? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return Default;
        return Values.FirstOrDefault(v => string.Equals(v, raw, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            ?? throw Invalid($"{Name} '{raw}' is not one of: {string.Join(", ", Values)}");
    }

    /// <summary>A repeated parameter's values, trimmed and without repeats; each one of <paramref name="allowed"/> (default <see cref="Values"/>).</summary>
    public List<string> ParseAll(string[]? raw, IReadOnlyCollection<string>? allowed = null)
    {
        allowed ??= Values;
        var result = new List<string>();
        foreach (var value in raw ?? [])
        {
            var v = value.Trim();
            if (!allowed.Contains(v))
                throw Invalid($"{Name} '{value}' is not a known value; use one of: {string.Join(", ", allowed)}");
            if (!result.Contains(v)) result.Add(v);
        }
        return result;
    }

    public override OpenApiSchema ValueSchema()
    {
        var words = Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        return Closed
            ? new OpenApiSchema { Type = JsonSchemaType.String, Enum = words, Default = Default is null ? null : JsonValue.Create(Default) }
            : new OpenApiSchema { Type = JsonSchemaType.String, Examples = words };
    }
}

/// <summary>Free text (a search line, a name, an id), with an upper bound on its length when it has one.</summary>
public sealed record TextParameter(string Name, int? MaxLength = null) : QueryParameter(Name)
{
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Throws when the text is longer than <see cref="MaxLength"/>.</summary>
    public string? Parse(string? raw)
    {
        if (raw is not null && raw.Length > MaxLength)
            throw Invalid($"{Name} is {raw.Length} characters long; at most {MaxLength} are allowed.");
        return raw;
    }

    public override OpenApiSchema ValueSchema() => new()
    {
        Type = JsonSchemaType.String,
        MaxLength = MaxLength,
        Examples = Examples.Count == 0 ? null : [.. Examples.Select(e => (JsonNode)JsonValue.Create(e))],
    };
}
