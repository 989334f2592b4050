namespace Catalog.Api.Parameters;

/// <summary>Endpoint metadata: the query parameters an endpoint parses, for the OpenAPI document.</summary>
public sealed record ParameterRules(IReadOnlyList<QueryParameter> All)
{
    public QueryParameter? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

public static class ParameterRulesExtensions
{
    /// <summary>Documents the endpoint's query parameters with the rules its handler parses them by.</summary>
    public static TBuilder WithParameters<TBuilder>(this TBuilder builder, params IEnumerable<QueryParameter> rules)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterRules([.. rules]));

    /// <summary><paramref name="rules"/> with each of <paramref name="replacements"/> in place of the rule of the same name.</summary>
    public static IReadOnlyList<QueryParameter> With(this IReadOnlyList<QueryParameter> rules, params QueryParameter[] replacements) =>
        [.. rules.Select(r => replacements.FirstOrDefault(x => x.Name == r.Name) ?? r)];
}
