using Microsoft.Extensions.Configuration;

namespace Catalog.Core;

/// <summary>
/// Where the data folder and the seed are, so the host and its verbs work from any folder of a clone.
/// A path the configuration gives (Catalog:DataPath, Catalog:SeedPath) is taken from the working
/// directory; a path it leaves out is the repository's data/ or seed/, the repository being the
/// nearest folder holding Catalog.sln and seed/ above the working directory, or else above the binary.
/// </summary>
public static class CatalogPaths
{
    private const string WhatToDo = "run inside a clone of the repository (the folder holding Catalog.sln and seed/)";

    public static CatalogOptions Resolve(IConfiguration configuration) =>
        Resolve(configuration, Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <exception cref="CatalogSetupException">No data folder is configured and no repository is found.</exception>
    public static CatalogOptions Resolve(IConfiguration configuration, string workingDirectory, string binaryDirectory)
    {
        var section = configuration.GetSection(CatalogOptions.Section);
        var options = section.Get<CatalogOptions>() ?? new CatalogOptions();
        var dataGiven = !string.IsNullOrWhiteSpace(section[nameof(CatalogOptions.DataPath)]);
        var seedGiven = !string.IsNullOrWhiteSpace(section[nameof(CatalogOptions.SeedPath)]);
        var repository = dataGiven && seedGiven ? null : FindRepository(workingDirectory) ?? FindRepository(binaryDirectory);
        if (!dataGiven && repository is null)
            throw new CatalogSetupException($"Cannot find the catalogue's data folder from {Path.GetFullPath(workingDirectory)}: {WhatToDo}, " +
                "or set Catalog__DataPath=DIR (and Catalog__SeedPath=DIR for the first start); nothing was written.");
        options.DataPath = dataGiven ? Path.GetFullPath(options.DataPath, workingDirectory) : Path.Combine(repository!, "data");
        options.SeedPath = seedGiven || repository is null ? Path.GetFullPath(options.SeedPath, workingDirectory) : Path.Combine(repository, "seed");
        return options;
    }

    /// <summary>
    /// Refuses a first start (no database yet) that would import a seed folder that is not there,
    /// before anything is written.
    /// </summary>
    /// <exception cref="CatalogSetupException">The seed is needed and missing.</exception>
    public static void RequireSeedForFirstStart(CatalogOptions options)
    {
        if (!options.SeedOnStart || File.Exists(options.DatabasePath) || Directory.Exists(options.SeedPath)) return;
        throw new CatalogSetupException($"The seed folder {options.SeedPath} does not exist: {WhatToDo}, or set Catalog__SeedPath=DIR, " +
            "or Catalog__SeedOnStart=false to start with an empty catalogue; nothing was written.");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Catalog.sln and seed/; null when none does.</summary>
    public static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Catalog.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seed")))
                return dir.FullName;
        return null;
    }
}

/// <summary>The catalogue cannot start as configured; the message is one line that says what to do.</summary>
public sealed class CatalogSetupException(string message) : Exception(message);
