using System.Diagnostics;
using Catalog.Tests.Support;

namespace Catalog.Tests.Contract;

/// <summary>
/// The npm tools of the contract test (tests/contract: @redocly/cli, openapi-typescript,
/// typescript), run with Node from their node_modules. The test project's build installs them
/// (npm ci) when they are missing.
/// </summary>
public static class ContractTools
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "contract");

    /// <summary>Runs a tool's command-line script to its end: its exit code and what it printed.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string workingDirectory, string script, params string[] args)
    {
        var path = Path.Combine(Folder, "node_modules", script);
        Assert.True(File.Exists(path), $"{path} is missing: run `npm ci` in {Folder} (the test project's build does it when node_modules is absent).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        // Redocly asks its server for telemetry and news; a test sends nothing anywhere.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public static Task<(int Code, string Stdout, string Stderr)> RedoclyAsync(string dir, params string[] args) => RunAsync(dir, "@redocly/cli/bin/cli.js", args);

    public static Task<(int Code, string Stdout, string Stderr)> OpenApiTypeScriptAsync(string dir, params string[] args) => RunAsync(dir, "openapi-typescript/bin/cli.js", args);

    public static Task<(int Code, string Stdout, string Stderr)> TscAsync(string dir, params string[] args) => RunAsync(dir, "typescript/bin/tsc", args);
}
