using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tests;

public sealed class DictionaryTests
{
    [Fact]
    public void EmbeddedDictionaryHoldsAllIpadicEntriesAndIsLoadedOnce()
    {
        Assert.Equal(392_127, JapaneseDictionary.Default.WordCount);
        Assert.Same(JapaneseDictionary.Default, JapaneseDictionary.Default);
    }

    [Fact]
    public void MissingDictionaryFileIsNamedInTheException()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "ipadic.dict.br");
        var e = Assert.Throws<FileNotFoundException>(() => JapaneseDictionary.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void CorruptDictionaryFileIsNamedInTheException()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
            var e = Assert.Throws<InvalidDataException>(() => JapaneseDictionary.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
