using System.Net.Http.Headers;
using Catalog.Tests.Support;

namespace Catalog.Tests.Contract;

/// <summary>A request the contract test sends and the status it must get; <c>Conditional</c> sends the ETag back (304).</summary>
public sealed record LiveSample(string OperationId, string Url, int Status, bool Conditional = false, string? PostText = null);

/// <summary>A response as the server sent it.</summary>
public sealed record LiveResponse(LiveSample Sample, int Status, string? ContentType, byte[] Body);

/// <summary>
/// One or more requests per operation of the document, over the seed and an edited import (so
/// changes have fields): its answers and its errors (400, 404, 414), files in each format.
/// </summary>
public static class LiveSamples
{
    public static IReadOnlyList<LiveSample> For(EditedSeed edited)
    {
        var tooLong = new string('a', Catalog.Api.Security.HttpHardening.MaxQueryStringLength + 1);
        string E(string s) => Uri.EscapeDataString(s);
        return
        [
            new("Health", "/health", 200),
            new("GetAtomFeed", "/feed.atom?pageSize=2", 200),
            new("GetAtomFeed", "/feed.atom?pageSize=2", 304, Conditional: true),
            new("GetAtomFeed", "/feed.atom?pageSize=1000", 400),
            new("GetCalendar", "/api/calendar.ics?pageSize=2&asOf=2020-04-01", 200),
            new("GetCalendar", "/api/calendar.ics?pageSize=2&asOf=2020-04-01", 304, Conditional: true),
            new("GetCalendar", "/api/calendar.ics?kind=NoSuchKind", 400),
            new("SearchPrograms", $"/api/programs?q={E("令和3年度 IoT")}&pageSize=3&asOf=2021-06-01", 200),
            new("SearchPrograms", $"/api/programs?q={E("ドローン")}&pageSize=2&sort=deadline&hideEnded=true&interpret=false", 200),
            new("SearchPrograms", "/api/programs?page=0", 400),
            new("SearchPrograms", "/api/programs?q=" + tooLong, 414),
            new("GetProgram", $"/api/programs/{edited.DeadlineId}?asOf=2020-06-01", 200),
            new("GetProgram", "/api/programs/chiiki-iot-jisso-keikaku-jichitai-ai", 200),
            new("GetProgram", $"/api/programs/{edited.RemovedId}", 404),
            new("GetProgram", $"/api/programs/{edited.DeadlineId}?asOf=tomorrow", 400),
            new("Suggest", $"/api/suggest?q={E("すまーと")}", 200),
            new("Suggest", "/api/suggest?q=" + new string('a', Catalog.Core.Search.QueryText.MaxLength + 1), 400),
            new("GetOverview", "/api/overview?asOf=2023-06-01", 200),
            new("GetOverview", "/api/overview?asOf=2023-13-01", 400),
            new("GetVocabulary", "/api/vocabulary", 200),
            new("ExportPrograms", $"/api/export?q={E("ドローン")}", 200),
            new("ExportPrograms", $"/api/export?q={E("ドローン")}&format=ndjson", 200),
            new("ExportPrograms", $"/api/export?q={E("ドローン")}&format=csv", 200),
            new("ExportPrograms", $"/api/export?q={E("ドローン")}&format=csv&encoding=shift_jis", 200),
            new("ExportPrograms", $"/api/export?q={E("ドローン")}&format=xlsx", 200),
            new("ExportPrograms", "/api/export?format=pdf", 400),
            new("GetProgramSchema", "/api/schema/program.json", 200),
            new("FindMunicipalities", $"/api/municipalities?q={E("府中")}", 200),
            new("FindMunicipalities", "/api/municipalities?limit=0", 400),
            new("FindMunicipalities", $"/api/municipalities?prefecture={E("茨城県")}", 200),
            new("FindMunicipalities", $"/api/municipalities?prefecture={E("架空県")}", 404),
            new("ListPrefectures", "/api/prefectures", 200),
            new("PostDraft", "/api/drafts?name=notice.txt", 200, PostText: "令和8年度 地域デジタル基盤活用推進事業の公募について\n総務省\n補助率：1/2\n公募期間：令和8年4月1日（水）～令和8年5月15日（金）正午\n"),
            new("PostDraft", "/api/drafts?name=notice.pdf", 400, PostText: "これはPDFではありません"),
            new("GetMunicipality", "/api/municipalities/472140", 200),
            new("GetMunicipality", $"/api/municipalities/{E("府中市")}", 400),
            new("GetMunicipality", $"/api/municipalities/{E("存在しない市")}", 404),
            new("GetMunicipalityPrograms", $"/api/municipalities/472140/programs?q={E("IoT")}&hideEnded=false", 200),
            new("GetMunicipalityPrograms", $"/api/municipalities/472140/programs?q={E("IoT")}&format=csv", 200),
            new("GetMunicipalityPrograms", "/api/municipalities/472140/programs?format=pdf", 400),
            new("GetMunicipalityPrograms", $"/api/municipalities/{E("存在しない市")}/programs", 404),
            new("SearchAdoptions", "/api/adoptions?pageSize=2&fiscalYear=2021&fiscalYear=unknown", 200),
            new("SearchAdoptions", "/api/adoptions?page=0", 400),
            new("SearchAdoptions", $"/api/adoptions?municipality={E("存在しない市")}", 404),
            new("GetChanges", "/api/changes?pageSize=5", 200),
            new("GetChanges", "/api/changes?since=yesterday", 400),
            new("GetProgramHistory", $"/api/programs/{edited.DeadlineId}/history", 200),
            new("GetProgramHistory", $"/api/programs/{edited.DeadlineId}/history?pageSize=0", 400),
            new("GetProgramHistory", "/api/programs/no-such-program/history", 404),
        ];
    }

    public static async Task<LiveResponse> FetchAsync(HttpClient client, LiveSample sample)
    {
        using var request = new HttpRequestMessage(sample.PostText is null ? HttpMethod.Get : HttpMethod.Post, sample.Url);
        if (sample.PostText is not null) request.Content = new StringContent(sample.PostText, System.Text.Encoding.UTF8, "text/plain");
        if (sample.Conditional)
        {
            using var first = await client.GetAsync(sample.Url);
            request.Headers.IfNoneMatch.Add(first.Headers.ETag ?? throw new InvalidOperationException($"{sample.Url} sent no ETag"));
        }
        using var response = await client.SendAsync(request);
        return new LiveResponse(sample, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }
}
