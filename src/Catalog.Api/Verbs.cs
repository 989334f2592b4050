using Catalog.Core;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Core.Workbook;
using Catalog.Japanese;
using Catalog.Japanese.Dictionary;
using System.Text;

namespace Catalog.Api;

/// <summary>The command-line verbs: import, export, reindex, analyze. Each returns an exit code.</summary>
public static class Verbs
{
    /// <summary>
    /// Runs a verb, or refuses a service start whose options are not understood; null when the
    /// arguments ask for the service (no arguments, options only, or "serve") and it may start.
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] != "serve" && (!args[0].StartsWith('-') || args[0] is "--help" or "-h"))
            return await RunAsync(args);
        try
        {
            var rest = ServiceArguments(args);
            if (rest.Any(a => a is "--help" or "-h")) return Help(Console.Out, 0);
            CheckServeArguments(rest);
            return null;
        }
        catch (VerbException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>What the host's own configuration reads: the arguments without the verb "serve".</summary>
    public static string[] ServiceArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    // What the service takes: ASP.NET's own host options and configuration keys (--Catalog:DataPath=…).
    // Configuration keys are case-insensitive, as ASP.NET reads them.
    private static readonly string[] ServeOptions = ["urls", "environment", "http_ports", "https_ports", "AllowedHosts"];

    // ASP.NET's command-line configuration silently turns "--bogus --urls x" into bogus="--urls" and
    // drops x; so the service checks its arguments first and refuses what it does not know, by name.
    private static void CheckServeArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
                throw new VerbException(a.StartsWith('-') && a.Length > 1
                    ? $"serve has no option '{a}' (it knows --{string.Join(", --", ServeOptions)} and configuration as --Section:Key=value); nothing was started"
                    : $"serve takes no argument '{a}'; nothing was started");
            var eq = a.IndexOf('=');
            var name = eq > 0 ? a[2..eq] : a[2..];
            if (!name.Contains(':') && !ServeOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new VerbException($"serve has no option '--{name}' (it knows --{string.Join(", --", ServeOptions)} and configuration as --Section:Key=value); nothing was started");
            if (eq > 0) continue;
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new VerbException($"{a} needs a value; nothing was started");
            i++;
        }
    }

    public const string Usage = """
        usage: Catalog.Api [serve] [--urls URL]             run the service (the default)
               Catalog.Api import [--replace] [--dry-run] [--encoding utf-8|shift_jis] <file-or-folder>
                                                            validate, then import all or nothing as one revision;
                                                            --replace removes what the input lacks, --dry-run writes nothing
               Catalog.Api revert --to N                    restore the catalogue as after revision N (a new revision)
               Catalog.Api history [--since DATE] [--program ID]   revisions and their changes, newest first
               Catalog.Api export [--format json|ndjson|xlsx] [--output FILE]
                                                            without --format, FILE's extension (.json, .ndjson, .xlsx)
                                                            names the format; the default is JSON
               Catalog.Api reindex                          rebuild the search index from the database
               Catalog.Api audit [seed] [--documents DIR] [--sources]
                                                            check every evidence quote against the source documents;
                                                            --sources prints the table of documents cited (docs/sources.md)
               Catalog.Api draft FILE [--url URL] [--output FILE] [--documents DIR]
                                                            propose records from a document (text, HTML, PDF), every
                                                            value with its quote; --url stores it in seed/documents
               Catalog.Api analyze [--mode normal|search|extended] [--compounds yes|no]
                                                            MeCab-format analysis of stdin; search mode's
                                                            compounds as "compound:N" lines with --compounds yes
        configuration: --Catalog:DataPath=DIR or Catalog__DataPath=DIR (default: the repository's data/,
                       found above the working directory or the binary); --Catalog:SeedPath likewise
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args[0] is "help" or "--help" or "-h") return Help(Console.Out, 0);
            if (!Known.TryGetValue(args[0], out var known)) return Help(Console.Error, 2, $"unknown verb '{args[0]}'");
            if (args[1..].Any(a => a is "--help" or "-h")) return Help(Console.Out, 0);
            var (positional, options) = Split(args[0], known, args[1..]);
            if (args[0] == "analyze") return Analyze(options); // needs no database
            if (args[0] == "draft") return Drafting.DraftVerb.Run(positional, options.Get("url"), options.Get("output"), options.Get("documents"));
            var export = args[0] == "export" ? PlanExport(options) : default; // refused before the database is opened
            var services = BuildServices(options.Configuration);
            return args[0] switch
            {
                "import" => Import(services, positional, options),
                "revert" => Changes.HistoryVerbs.Revert(services, options.Get("to")),
                "history" => Changes.HistoryVerbs.History(services, options.Get("since"), options.Get("program")),
                "export" => await ExportAsync(services, export.Format, export.File),
                "audit" => AuditVerb.Run(services, positional, options.Get("documents"), options.Get("sources") is not null),
                _ => Reindex(services),
            };
        }
        catch (VerbException e)
        {
            Console.Error.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (CatalogSetupException e)
        {
            Console.Error.WriteLine(e.Message); // no data folder: one line saying what to do
            return 1;
        }
    }

    // The options each verb knows; anything else is refused by name before the verb does anything.
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["import"] = ["encoding", "replace", "dry-run"],
        ["revert"] = ["to"],
        ["history"] = ["since", "program"],
        ["export"] = ["format", "output"],
        ["reindex"] = [],
        ["audit"] = ["documents", "sources"],
        ["analyze"] = ["mode", "compounds"],
        ["draft"] = ["url", "output", "documents"],
    };

    private static int Import(IServiceProvider services, List<string> positional, VerbOptions options)
    {
        if (positional.Count != 1) return Help(Console.Error, 2, "import takes one file or folder");
        if (!ImportOptions.TryParseEncoding(options.Get("encoding"), out var encoding))
            throw new VerbException($"--encoding must be utf-8 or shift_jis, not '{options.Get("encoding")}'");
        // The importer rebuilds the index after a committed import that changed the catalogue.
        var mode = new ImportOptions { Encoding = encoding, Replace = options.Get("replace") is not null, DryRun = options.Get("dry-run") is not null };
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
        if (result.IndexError is not null)
        {
            Console.Error.WriteLine($"The import is committed, but {result.IndexError}.");
            return 1;
        }
        return 0;
    }

    // Extensions that name a format; a file so named gets that format or is refused, never JSON under another name.
    private static readonly Dictionary<string, string> FormatOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = "json",
        [".ndjson"] = "ndjson",
        [".xlsx"] = "xlsx",
        [".csv"] = "csv",
    };

    /// <summary>The format and file of an export, checked before anything is read or written.</summary>
    private static (string Format, string? File) PlanExport(VerbOptions options)
    {
        var given = options.Get("format");
        if (given is not (null or "json" or "ndjson" or "xlsx")) throw new VerbException($"--format must be json, ndjson or xlsx, not '{given}'");
        var file = options.Get("output");
        // A zip cannot go to a terminal; the workbook needs a file.
        if (file is null && given == "xlsx") throw new VerbException("--format xlsx needs --output FILE.xlsx");
        if (file is null) return (given ?? "json", null);

        var named = FormatOfExtension.GetValueOrDefault(Path.GetExtension(file));
        if (named == "csv")
            throw new VerbException($"export writes json, ndjson or xlsx, not CSV ('{file}'); CSV comes from GET /api/export?format=csv; nothing was written", 1);
        if (given is not null && named is not null && given != named)
            throw new VerbException($"--format {given} does not match '{file}', which names {named}; nothing was written", 1);
        if (Directory.Exists(file))
            throw new VerbException($"export cannot write '{file}': it is a folder; nothing was written", 1);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null && !Directory.Exists(folder))
            throw new VerbException($"export cannot write '{file}': the folder '{Path.GetDirectoryName(file)}' does not exist; nothing was written", 1);
        return (given ?? named ?? "json", file);
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string format, string? file)
    {
        var programs = services.GetRequiredService<ProgramStore>().ReadAll();
        try
        {
            if (format == "xlsx") return ExportWorkbook(programs, file!);
            if (file is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await WriteAsync(stdout);
                return 0;
            }
            // Write beside, then move: a failed export never leaves half a file under the real name.
            var partial = file + ".partial";
            try
            {
                await using (var output = File.Create(partial)) await WriteAsync(output);
                File.Move(partial, file, overwrite: true);
            }
            finally
            {
                File.Delete(partial); // gone after the move; removed after a failure
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && file is not null)
        {
            throw new VerbException($"export could not write '{file}': {e.Message}; nothing was written", 1);
        }
        Console.Error.WriteLine($"Exported {programs.Count} program(s) to {file}.");
        return 0;

        Task WriteAsync(Stream output) => format == "ndjson"
            ? ProgramExporter.WriteNdjsonAsync(programs, output)
            : ProgramExporter.WriteJsonAsync(programs, output);
    }

    private static int ExportWorkbook(IReadOnlyList<ProgramRecord> programs, string file)
    {
        WorkbookExporter.WriteFile(programs, file);
        Console.Error.WriteLine($"Exported {programs.Count} program(s) to {file}.");
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
        var compounds = (options.Get("compounds") ?? "no") switch
        {
            "yes" => true,
            "no" => false,
            var other => throw new VerbException($"--compounds must be yes or no, not '{other}'"),
        };
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { NewLine = "\n" };
        MecabFormat.Write(input, output, mode, JapaneseDictionary.Default, null, compounds);
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

    // Options that are switches: present or absent, never followed by a value.
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "replace", "dry-run", "sources" };

    private static (List<string> Positional, VerbOptions Options) Split(string verb, string[] known, string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':'))
            {
                config.Add(a); // --Catalog:DataPath=... goes to configuration
                if (!a.Contains('=') && i + 1 < args.Length) config.Add(args[++i]); // and so does --Catalog:DataPath DIR
            }
            else if (a.Length > 1 && a[0] == '-' && a[1] != '-')
                throw Unknown(verb, known, a); // no verb has short options; "-o x" must not pass as two words
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=');
                var name = eq > 0 ? a[2..eq] : a[2..];
                if (!known.Contains(name)) throw Unknown(verb, known, "--" + name);
                if (Flags.Contains(name)) named[name] = "true"; // flags take no value
                else if (eq > 0) named[name] = a[(eq + 1)..];
                else if (i + 1 < args.Length) named[name] = args[++i];
                else throw new VerbException($"{a} needs a value");
            }
            else positional.Add(a);
        }
        // A stray word is refused too: "export x.json" must not export to the terminal.
        var takesPath = verb is "import" or "audit" or "draft";
        if (positional.Count > (takesPath ? 1 : 0))
            throw new VerbException(takesPath
                ? $"{verb} takes one file or folder, not also '{positional[1]}'; nothing was done"
                : $"{verb} takes no argument '{positional[0]}'; nothing was done");
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. config])
            .Build();
        return (positional, new VerbOptions(named, configuration));
    }

    private static VerbException Unknown(string verb, string[] known, string option) => new(known.Length == 0
        ? $"{verb} takes no option '{option}'; nothing was done"
        : $"{verb} has no option '{option}' (it knows --{string.Join(", --", known)}); nothing was done");

    private sealed record VerbOptions(Dictionary<string, string> Named, IConfiguration Configuration)
    {
        public string? Get(string name) => Named.GetValueOrDefault(name);
    }

    /// <summary>A refusal, printed as one line: exit 2 for a command line not understood, 1 for one that cannot be carried out.</summary>
    private sealed class VerbException(string message, int exitCode = 2) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }
}
