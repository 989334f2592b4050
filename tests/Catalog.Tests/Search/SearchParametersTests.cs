using Catalog.Api.Programs;
using Catalog.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Tests.Search;

/// <summary>The search parameters' validation, without a server: each bad value is named in a 400.</summary>
public sealed class SearchParametersTests
{
    [Theory]
    [InlineData("ministry=foo", "ministry")]
    [InlineData("kind=foo", "kind")]
    [InlineData("field=foo", "field")]
    [InlineData("applicant=foo", "applicant")]
    [InlineData("level=foo", "level")]
    [InlineData("status=foo", "status")]
    [InlineData("fiscalYear=20x1", "fiscalYear")]
    [InlineData("sort=bar", "sort")]
    [InlineData("q=%22unclosed", "q")]
    [InlineData("q=OR", "q")]
    [InlineData("q=a%20-", "q")]
    [InlineData("asOf=2024-13-45", "asOf")]
    [InlineData("deadlineBefore=tomorrow", "deadlineBefore")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1000&pageSize=100", "page")]
    [InlineData("rateMin=1.5", "rateMin")]
    [InlineData("capMin=abc", "capMin")]
    [InlineData("capMin=10&capMax=5", "capMin")]
    public void ABadValueIsRefusedWithAProblemNamingItsParameter(string query, string parameter)
    {
        Assert.False(From(query).TryBuild(indexedMinistries: [], out _, out var problem));
        Assert.Equal(400, problem!.Status);
        Assert.Equal(parameter, problem.Extensions["parameter"]);
        Assert.Contains(parameter, problem.Title);
    }

    [Fact]
    public void GoodValuesBecomeARequest()
    {
        Assert.True(From("q=自動運転&ministry=内閣府&level=national&status=受付中&fiscalYear=2024&rateMin=0.5&capMin=10&capMax=20&sort=deadline&page=2&pageSize=10&asOf=2024-05-01")
            .TryBuild(indexedMinistries: [], out var request, out var problem), problem?.Detail);
        Assert.Equal("自動運転", request.Q);
        Assert.Equal(["内閣府"], request.Ministries);
        Assert.Equal(["national"], request.Levels);
        Assert.Equal([2024], request.FiscalYears);
        Assert.Equal(0.5m, request.RateMin);
        Assert.Equal((10L, 20L), (request.CapMin, request.CapMax));
        Assert.Equal((2, 10), (request.Page, request.PageSize));
        Assert.Equal(Catalog.Core.Search.SearchSort.Deadline, request.Sort);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(9)), request.AsOf);
    }

    [Fact]
    public void AMinistryOutsideTheVocabularyIsAcceptedWhenTheIndexHasIt()
    {
        Assert.True(From("ministry=宮内庁").TryBuild(indexedMinistries: ["宮内庁"], out var request, out _));
        Assert.Equal(["宮内庁"], request.Ministries);
    }

    // As the endpoint binds them: every parameter as text, the repeatable ones as arrays.
    private static SearchParameters From(string query)
    {
        var q = QueryHelpers.ParseQuery("?" + query);
        string? One(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        string[]? Many(string name) => q.TryGetValue(name, out var v) ? [.. v.Select(x => x ?? "")] : null;
        return new SearchParameters(One("q"), Many("ministry"), Many("kind"), Many("field"), Many("applicant"), Many("level"),
            Many("fiscalYear"), Many("status"), One("asOf"), One("rateMin"), One("capMin"), One("capMax"), One("deadlineBefore"),
            One("sort"), One("page"), One("pageSize"));
    }
}

/// <summary>The same validation through HTTP, on one shared server: the wiring, not every case again.</summary>
public sealed class ParameterProblemApiTests(EmptyServer fixture) : IClassFixture<EmptyServer>
{
    [Theory]
    [InlineData("/api/programs?level=foo", "level")]
    [InlineData("/api/programs/some-id?asOf=2024-13-45", "asOf")]
    [InlineData("/api/export?format=xml", "format")]
    [InlineData("/api/export?format=csv&encoding=latin1", "encoding")]
    public async Task BadParameterGivesProblemDetailsNamingIt(string url, string parameter)
    {
        var problem = await fixture.Client.GetProblemAsync(url, parameter);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }
}
