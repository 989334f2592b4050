using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Core;
using Catalog.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Catalog.Tests.Hosting;

/// <summary>
/// The host finds its data folder and seed from any working directory: given paths are taken from
/// the working directory, missing ones are the repository's (found above the working directory,
/// else above the binary); with neither it says in one line what to do and writes nothing.
/// </summary>
public sealed class HostPathsTests(HostPathsTests.BinaryCopy binaryCopy) : IDisposable, IClassFixture<HostPathsTests.BinaryCopy>
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PathsLeftOutAreTheRepositorysFoundAboveTheWorkingDirectory()
    {
        var repository = FakeRepository("repo");
        var below = Directory.CreateDirectory(Path.Combine(repository, "src", "Catalog.Api")).FullName;

        var options = CatalogPaths.Resolve(Configuration(), below, _folder.Combine("elsewhere"));

        Assert.Equal(Path.Combine(repository, "data"), options.DataPath);
        Assert.Equal(Path.Combine(repository, "seed"), options.SeedPath);
    }

    [Fact]
    public void OutsideAnyRepositoryThePathsAreTheBinarysRepository()
    {
        var repository = FakeRepository("repo");
        var binary = Directory.CreateDirectory(Path.Combine(repository, "src", "Catalog.Api", "bin", "Debug", "net10.0")).FullName;

        var options = CatalogPaths.Resolve(Configuration(), Directory.CreateDirectory(_folder.Combine("elsewhere")).FullName, binary);

        Assert.Equal(Path.Combine(repository, "data"), options.DataPath);
        Assert.Equal(Path.Combine(repository, "seed"), options.SeedPath);
    }

    [Fact]
    public void GivenPathsAreTakenFromTheWorkingDirectoryAndWinOverTheRepository()
    {
        var repository = FakeRepository("repo");

        var options = CatalogPaths.Resolve(Configuration(("Catalog:DataPath", "mine"), ("Catalog:SeedPath", "../other-seed")), repository, repository);

        Assert.Equal(Path.Combine(repository, "mine"), options.DataPath);
        Assert.Equal(Path.Combine(_folder.Path, "other-seed"), options.SeedPath);
    }

    [Fact]
    public void AFolderWithSeedButNoSolutionIsNotTheRepository()
    {
        // The published image has seed/ beside the binary but no Catalog.sln; it sets both paths instead.
        Directory.CreateDirectory(_folder.Combine("app", "seed"));

        var e = Assert.Throws<CatalogSetupException>(() => CatalogPaths.Resolve(Configuration(), _folder.Combine("app"), _folder.Combine("app")));

        Assert.Contains("Catalog__DataPath", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    [InlineData("reindex")]
    public void OutsideAnyRepositoryTheHostSaysInOneLineWhatToDoAndWritesNothing(params string[] args)
    {
        var binary = CopyOfTheBinary();
        var workingDirectory = Directory.CreateDirectory(_folder.Combine("elsewhere")).FullName;

        var (code, stdout, stderr) = RunHost(binary, workingDirectory, [], args);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("run inside a clone of the repository", line);
        Assert.Contains("Catalog__DataPath", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
        Assert.False(Directory.Exists(Path.Combine(binary, "data")));
        Assert.False(Directory.Exists(Path.Combine(binary, "seed")));
    }

    [Fact]
    public void AFirstStartWithoutItsSeedFolderSaysInOneLineWhatToDoAndWritesNothing()
    {
        var workingDirectory = Directory.CreateDirectory(_folder.Combine("elsewhere")).FullName;
        var environment = new Dictionary<string, string> { ["Catalog__DataPath"] = "data", ["Catalog__SeedPath"] = "no-seed-here" };

        var (code, _, stderr) = RunHost(AppContext.BaseDirectory, workingDirectory, environment, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains(Path.Combine(workingDirectory, "no-seed-here") + " does not exist", line);
        Assert.Contains("Catalog__SeedOnStart=false", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    [Fact]
    public async Task StartedInsideTheRepositorysSubfolderTheServiceImportsTheRepositorysSeedIntoItsDataFolder()
    {
        // As `cd src/Catalog.Api && dotnet run` does in a fresh clone (a copy, so the real data/ is not touched).
        var repository = FakeRepository("clone");
        var program = OneSelfContainedSeedProgram();
        Directory.CreateDirectory(Path.Combine(repository, "seed", "programs"));
        File.Copy(program, Path.Combine(repository, "seed", "programs", Path.GetFileName(program)));
        var workingDirectory = Directory.CreateDirectory(Path.Combine(repository, "src", "Catalog.Api")).FullName;

        var psi = StartInfo(AppContext.BaseDirectory, workingDirectory, [], "--urls", "http://127.0.0.1:0", "--Catalog:WarmUp:Rounds=0");
        using var host = Process.Start(psi)!;
        var stderr = host.StandardError.ReadToEndAsync();
        try
        {
            var address = await ListeningAddress(host);
            Assert.True(address is not null, "the service did not start: " + (host.HasExited ? await stderr : ""));
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
            Assert.Equal(1, health["programs"]!.GetValue<int>());
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
        Assert.True(File.Exists(Path.Combine(repository, "data", "catalog.db")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    // Kestrel logs "Now listening on: http://127.0.0.1:PORT" once the seed is in and the index is open.
    private static async Task<string?> ListeningAddress(Process host)
    {
        const string marker = "Now listening on: ";
        while (await host.StandardOutput.ReadLineAsync() is { } line)
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) return line[(at + marker.Length)..].Trim();
        }
        return null;
    }

    // A seed of one real program that names no other record (no related programs, no evidence derived
    // from another), so it imports alone: the start stays cheap and follows the seed as it changes.
    private static string OneSelfContainedSeedProgram() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Seed, "programs"), "*.json").Order(StringComparer.Ordinal).First(file =>
        {
            var text = File.ReadAllText(file);
            return !text.Contains("derived-from:", StringComparison.Ordinal)
                && JsonNode.Parse(text)!["related"] is null or JsonArray { Count: 0 };
        });

    private string FakeRepository(string name)
    {
        var root = Directory.CreateDirectory(_folder.Combine(name)).FullName;
        File.WriteAllText(Path.Combine(root, "Catalog.sln"), "");
        Directory.CreateDirectory(Path.Combine(root, "seed"));
        return root;
    }

    private string CopyOfTheBinary() => binaryCopy.Folder.Path;

    /// <summary>The build output lives inside the repository, so a host outside any repository needs a copy of it (made once per class).</summary>
    public sealed class BinaryCopy : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public BinaryCopy() => CopyFolder(AppContext.BaseDirectory, Folder.Path);

        public void Dispose() => Folder.Dispose();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static (int Code, string Stdout, string Stderr) RunHost(string binary, string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        using var p = Process.Start(StartInfo(binary, workingDirectory, environment, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true); // a refused start must end by itself, not serve
            p.WaitForExit();
            Assert.Fail("the host did not exit");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo StartInfo(string binary, string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(binary, "Catalog.Api.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in new[] { "Catalog__DataPath", "Catalog__SeedPath", "Catalog__SeedOnStart" }) psi.Environment.Remove(name);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment["DOTNET_TieredPGO"] = "0";
        return psi;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
