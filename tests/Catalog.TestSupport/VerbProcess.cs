using System.Diagnostics;
using System.Text;

namespace Catalog.Tests.Support;

/// <summary>Runs the host's verbs as a real child process (`dotnet Catalog.Api.dll verb …`).</summary>
public static class VerbProcess
{
    /// <summary>Runs a verb to the end with <paramref name="dataPath"/> as Catalog:DataPath.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string? dataPath, params string[] args) => RunWithInput(dataPath, null, args);

    /// <summary>Runs a verb to the end, writing <paramref name="stdin"/> to its standard input when given.</summary>
    public static (int Code, string Stdout, string Stderr) RunWithInput(string? dataPath, string? stdin, params string[] args)
    {
        using var p = Process.Start(StartInfo(dataPath, stdin is not null, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs a verb that should end by itself; null if it was still running after <paramref name="limit"/>
    /// (then it is killed): a refused service start must not hang the test by starting the service.
    /// </summary>
    public static (int Code, string Stdout, string Stderr)? RunWithin(string? dataPath, TimeSpan limit, params string[] args)
    {
        using var p = Process.Start(StartInfo(dataPath, false, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return null;
        }
        p.WaitForExit(); // and the output is read to its end
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts a verb and kills it (SIGKILL) after <paramref name="delay"/>; true if it was still running.</summary>
    public static bool KillAfter(string dataPath, TimeSpan delay, params string[] args)
    {
        using var p = Process.Start(StartInfo(dataPath, false, args))!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        if (p.WaitForExit(delay)) return false;
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return true;
    }

    /// <summary>
    /// Starts a verb, waits until <paramref name="reached"/> says it is at the point of interest
    /// (polled), then kills it (SIGKILL) after <paramref name="delay"/> more; true if it was still
    /// running. Unlike a fixed delay, this lands mid-work however fast the machine is.
    /// </summary>
    public static bool KillWhen(string dataPath, Func<bool> reached, TimeSpan delay, params string[] args)
    {
        using var p = Process.Start(StartInfo(dataPath, false, args))!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var giveUp = Stopwatch.StartNew();
        while (!reached())
        {
            if (p.WaitForExit(5) || giveUp.Elapsed > TimeSpan.FromMinutes(2)) break;
        }
        if (p.WaitForExit(delay)) return false;
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return true;
    }

    private static ProcessStartInfo StartInfo(string? dataPath, bool redirectInput, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = redirectInput ? new UTF8Encoding(false) : null, StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Catalog.Api.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (dataPath is not null) psi.Environment["Catalog__DataPath"] = dataPath;
        // As in the test projects: a verb runs for seconds, too short for dynamic PGO to repay its cost.
        psi.Environment["DOTNET_TieredPGO"] = "0";
        return psi;
    }
}
