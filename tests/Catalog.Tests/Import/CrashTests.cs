using Catalog.Core;
using Catalog.Core.Store;
using Catalog.Benchmarks;
using Catalog.Tests.Support;
using Dapper;

namespace Catalog.Tests.Import;

public class CrashTests
{
    [Fact]
    public async Task AnImportKilledAtAnyMomentLeavesTheLastCommittedCatalogue()
    {
        using var t = new TestStore();
        var data = t.Folder.Combine("crash");
        var synthetic = t.Folder.Combine("synthetic.ndjson");
        SyntheticCatalogue.WriteNdjson(synthetic, 8000);

        // The two states a reader may ever see: before the import (the seed), and after it.
        Directory.CreateDirectory(data);
        await SeededCatalogue.CopyIntoAsync(data);
        var before = ExportOf(data);
        using var expected = new TestStore();
        expected.Importer.Import(RepoPaths.Seed);
        expected.Importer.Import(synthetic);
        var after = expected.Export();

        var random = new Random(20261123);
        var sawBefore = false;
        for (var round = 0; round < 4; round++)
        {
            var delay = random.Next(300, 2500);
            var killed = VerbProcess.KillAfter(data, TimeSpan.FromMilliseconds(delay), "import", synthetic);
            var now = ExportOf(data);
            Assert.True(now == before || now == after, $"round {round}: killed after {delay} ms (killed={killed}), the catalogue is neither the old nor the new one");
            Assert.Equal("ok", Integrity(data));
            sawBefore |= now == before;
            if (now == after) break;
        }
        Assert.True(sawBefore, "no kill landed during the import; the test proved nothing");
    }

    private static string ExportOf(string data)
    {
        var (code, stdout, stderr) = VerbProcess.Run(data, "export");
        Assert.True(code == 0, stderr);
        return stdout;
    }

    private static string Integrity(string data)
    {
        using var connection = new CatalogDatabase(new CatalogOptions { DataPath = data }).Open();
        return connection.ExecuteScalar<string>("PRAGMA integrity_check;")!;
    }
}
