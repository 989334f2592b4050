using Catalog.Core.Programs;

namespace Catalog.Tests.Search;

public sealed class CallForecastTests
{
    private static PastCall Call(int year, string start, string end) => new(year, DateTimeOffset.Parse(start + "T00:00:00+09:00"), DateTimeOffset.Parse(end + "T23:59:59+09:00"));
    private static readonly DateTimeOffset December2026 = DateTimeOffset.Parse("2026-12-04T12:00:00+09:00");

    [Fact]
    public void ThreeSpringCallsGiveTheNextSpringAfterToday()
    {
        var f = CallForecast.Estimate([Call(2022, "2022-04-11", "2022-05-20"), Call(2023, "2023-04-14", "2023-05-26"), Call(2024, "2024-04-12", "2024-05-24")], December2026);
        Assert.NotNull(f);
        // 2025 and 2026 would have passed by December 2026: the next expected call is 2027's.
        Assert.Equal(2027, f.FiscalYear);
        Assert.Equal("2027-04-12", f.Start);
        Assert.Equal("次回公募（推定）2027年4月中旬〜5月下旬", f.Text);
    }

    [Fact]
    public void ACallOpenedBeforeItsFiscalYearBeganKeepsThatSeason()
    {
        // 令和7年度の募集 opened in January 2025: the offset is counted from 1 April of 2025.
        var f = CallForecast.Estimate([Call(2025, "2025-01-28", "2025-03-06"), Call(2024, "2024-01-30", "2024-03-08")], DateTimeOffset.Parse("2025-06-01T00:00:00+09:00"));
        Assert.NotNull(f);
        Assert.Equal(2026, f.FiscalYear);
        Assert.StartsWith("次回公募（推定）2026年1月下旬〜3月", f.Text);
    }

    [Fact]
    public void NoForecastWithoutAPatternOrWhileACallIsAnnounced()
    {
        Assert.Null(CallForecast.Estimate([Call(2024, "2024-04-05", "2024-05-10")], December2026)); // one year only
        Assert.Null(CallForecast.Estimate([Call(2023, "2023-04-05", "2023-05-10"), Call(2024, "2024-09-01", "2024-10-10")], December2026)); // no season
        Assert.Null(CallForecast.Estimate([Call(2025, "2025-04-05", "2025-05-10"), Call(2026, "2026-11-20", "2027-01-10")], December2026)); // one is open
        // Second rounds do not move the pattern: the first window of each year counts.
        var f = CallForecast.Estimate([Call(2023, "2023-04-05", "2023-05-10"), Call(2023, "2023-07-01", "2023-07-31"), Call(2024, "2024-04-05", "2024-05-10")], December2026);
        Assert.Equal("2027-04-05", f!.Start);
    }
}
