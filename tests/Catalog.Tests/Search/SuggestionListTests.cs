using Catalog.Core.Search;

namespace Catalog.Tests.Search;

public sealed class SuggestionListTests
{
    private static (Suggestion, string, string) Name(string key, string reading = "") => (new Suggestion(key, "name", key), key, reading);

    [Fact]
    public void AContainsMatchIsLookedForOnlyAmongTheBestRankedEntriesButAPrefixMatchAnywhere()
    {
        // Short names rank first; the two long ones rank after the contains-scan bound.
        var entries = Enumerable.Range(0, SuggestionList.ContainsScanEntries).Select(n => Name($"事業{n:D6}"))
            .Append(Name("とても長い名前の中に探す語を含む事業計画"))
            .Append(Name("探す語で始まるとても長い名前の事業計画"));
        var list = new SuggestionList(entries);

        Assert.Equal(["探す語で始まるとても長い名前の事業計画"], list.Find("探す語", 10).Select(s => s.Text));
    }

    [Fact]
    public void PrefixRangesAreFoundByBinarySearchInKeyAndReadingOrder()
    {
        var list = new SuggestionList([Name("カメラ", "カメラ"), Name("亀山", "カメヤマ"), Name("鴨川", "カモガワ"), Name("カ", "カ"), Name("亀", "カメ")]);

        // Keys starting with the input first, then readings; each tier shortest first.
        Assert.Equal(["カ", "カメラ", "亀", "亀山", "鴨川"], list.Find("カ", 10).Select(s => s.Text));
        Assert.Equal(["カメラ", "亀", "亀山"], list.Find("カメ", 10).Select(s => s.Text));
        Assert.Empty(list.Find("カメラマン", 10));
    }
}
