using Catalog.Core;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Japanese;
using System.Text;

namespace Catalog.Api;

/// <summary>The command-line verbs: import, export, reindex, analyze. Each returns an exit code.</summary>
public static class Verbs
{
    public const string Usage = """
        usage: Catalog.Api [serve]                          run the service (the default)
               Catalog.Api import [--replace] [--dry-run] <file-or-folder>
                                                            validate, then import all or nothing as one revision;
                                                            --replace removes what the input lacks, --dry-run writes nothing
               Catalog.Api revert --to N                    restore the catalogue as after revision N (a new revision)
               Catalog.Api history [--since DATE] [--program ID]   revisions and their changes, newest first
               Catalog.Api export [--format json|ndjson] [--output FILE]
               Catalog.Api reindex                          rebuild the search index from the database
               Catalog.Api analyze [--mode normal|search|extended]   MeCab-format analysis of stdin
        configuration: --Catalog:DataPath=DIR or Catalog__DataPath=DIR (default: data)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var (positional, options) = Split(args[1..]);
            switch (args[0])
            {
                case "analyze": return Analyze(options); // needs no database
                case "help" or "--help": return Help(Console.Out, 0);
                case not ("import" or "export" or "reindex" or "revert" or "history"): return Help(Console.Error, 2, $"unknown verb '{args[0]}'");
            }
            var services = BuildServices(options.Configuration);
            return args[0] switch
            {
                "import" => Import(services, positional, options),
                "revert" => Changes.HistoryVerbs.Revert(services, options.Get("to")),
                "history" => Changes.HistoryVerbs.History(services, options.Get("since"), options.Get("program")),
                "export" => await ExportAsync(services, options),
                _ => Reindex(services),
            };
        }
        catch (VerbException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Import(IServiceProvider services, List<string> positional, VerbOptions options)
    {
        if (positional.Count != 1) return Help(Console.Error, 2, "import takes one file or folder");
        // Resolved first so it hears ProgramStore.Changed and rebuilds the index after the import commits.
        services.GetRequiredService<SearchIndex>();
        var mode = new ImportOptions(Replace: options.Get("replace") is not null, DryRun: options.Get("dry-run") is not null);
        var result = services.GetRequiredService<CatalogImporter>().Import(positional[0], mode);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e);
            Console.Error.WriteLine($"{result.Errors.Count} error(s); nothing was imported.");
            return 1;
        }
        if (mode.DryRun) { Changes.HistoryVerbs.WriteDryRun(Console.Out, positional[0], result); return 0; }
        var c = result.Counts;
        Console.WriteLine($"Imported {result.ProgramsRead} program(s) and {result.AdoptionsRead} adoption row(s) from {positional[0]}: {c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged{(mode.Replace ? $", {c.Removed} removed" : "")}.");
        Console.WriteLine(result.Commit?.Revision is { } revision ? $"Revision {revision}." : "Nothing changed; no revision was made.");
        foreach (var p in result.Programs)
            Console.WriteLine($"  {p.Id}\t{p.Name}\t{p.Adoptions} adoption(s)");
        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, VerbOptions options)
    {
        var format = options.Get("format") ?? "json";
        if (format is not ("json" or "ndjson")) throw new VerbException($"--format must be json or ndjson, not '{format}'");
        var programs = services.GetRequiredService<ProgramStore>().ReadAll();
        var file = options.Get("output");
        // Write beside, then move: a failed export never leaves half a file under the real name.
        var target = file is null ? null : file + ".partial";
        await using (var output = target is null ? Console.OpenStandardOutput() : File.Create(target))
        {
            if (format == "ndjson") await ProgramExporter.WriteNdjsonAsync(programs, output);
            else await ProgramExporter.WriteJsonAsync(programs, output);
        }
        if (target is not null) File.Move(target, file!, overwrite: true);
        if (file is not null) Console.Error.WriteLine($"Exported {programs.Count} program(s) to {file}.");
        return 0;
    }

    private static int Reindex(IServiceProvider services)
    {
        var index = services.GetRequiredService<SearchIndex>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        index.Rebuild();
        var total = index.Search(new SearchRequest { PageSize = 1, Highlight = false }).Total;
        Console.WriteLine($"Rebuilt the search index: {total} program(s) in {started.ElapsedMilliseconds} ms.");
        return 0;
    }

    private static int Analyze(VerbOptions options)
    {
        var mode = (options.Get("mode") ?? "normal") switch
        {
            "normal" => JapaneseTokenizerMode.Normal,
            "search" => JapaneseTokenizerMode.Search,
            "extended" => JapaneseTokenizerMode.Extended,
            var other => throw new VerbException($"--mode must be normal, search or extended, not '{other}'"),
        };
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { NewLine = "\n" };
        MecabFormat.Write(input, output, mode);
        return 0;
    }

    private static int Help(TextWriter writer, int code, string? problem = null)
    {
        if (problem is not null) writer.WriteLine(problem);
        writer.WriteLine(Usage);
        return code;
    }

    private static IServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddCatalogCore(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<CatalogDatabase>().Migrate();
        return provider;
    }

    private static (List<string> Positional, VerbOptions Options) Split(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':'))
                config.Add(a); // --Catalog:DataPath=... goes to configuration
            else if (a is "--replace" or "--dry-run") named[a[2..]] = "true"; // flags take no value
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=');
                if (eq > 0) named[a[2..eq]] = a[(eq + 1)..];
                else if (i + 1 < args.Length) named[a[2..]] = args[++i];
                else throw new VerbException($"{a} needs a value");
            }
            else positional.Add(a);
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. config])
            .Build();
        return (positional, new VerbOptions(named, configuration));
    }

    private sealed record VerbOptions(Dictionary<string, string> Named, IConfiguration Configuration)
    {
        public string? Get(string name) => Named.GetValueOrDefault(name);
    }

    private sealed class VerbException(string message) : Exception(message);
}
