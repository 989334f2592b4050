using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Catalog.Ui.Tests.Support;

/// <summary>
/// The real service, started from its own build output as a child process on 127.0.0.1 at a free
/// port, with a fresh temp data directory and the repository's seed/. A process (rather than an
/// in-memory host) so a test can stop the API under a live page.
/// </summary>
public sealed partial class CatalogAppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataPath;

    public Uri BaseAddress { get; }

    private CatalogAppProcess(Process process, string dataPath, Uri baseAddress)
    {
        this.process = process;
        this.dataPath = dataPath;
        BaseAddress = baseAddress;
    }

    public static async Task<CatalogAppProcess> StartAsync()
    {
        var root = RepositoryRoot();
        var appDll = AppAssemblyPath(root);
        var dataPath = Directory.CreateTempSubdirectory("catalog-ui-").FullName;

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll, "serve", "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Catalog__DataPath"] = dataPath;
        start.Environment["Catalog__SeedPath"] = Path.Combine(root, "seed");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            var m = ListeningLine().Match(e.Data);
            if (m.Success) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited:\n" + string.Join("\n", log)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var done = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90)));
        if (done != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not report its address within 90 s:\n" + string.Join("\n", log));
        }
        var app = new CatalogAppProcess(process, dataPath, await listening.Task);

        // The seed is imported on start; wait until the service answers with programs.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                var health = await http.GetStringAsync("/health");
                if (!health.Contains("\"programs\":0")) return app;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        await app.DisposeAsync();
        throw new TimeoutException("The app did not become healthy:\n" + string.Join("\n", log));
    }

    /// <summary>Stops the service; a page already loaded stays open, talking to nobody.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return dir.FullName;
        throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The app's own build output, of the same configuration as these tests.</summary>
    private static string AppAssemblyPath(string root)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var path = Path.Combine(root, "src", "Catalog.Api", "bin", configuration, "net10.0", "Catalog.Api.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("Build src/Catalog.Api first (the test project references it).", path);
        return path;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
