using Catalog.Core.Search;
using Catalog.Core.Store;

namespace Catalog.Core.Changes;

/// <summary>
/// Restores the catalogue as it was after a revision, as a new revision, and then rebuilds the
/// search index as an import does; a failed rebuild leaves the revert committed and says so.
/// </summary>
public sealed class CatalogReverter(ProgramStore store, RevisionLog log, SearchIndex? index = null)
{
    public (CommitResult Result, string? IndexError) Revert(long revision)
    {
        var result = store.Revert(revision, log.StateAt(revision));
        if (result.Revision is null || index is null) return (result, null);
        try
        {
            index.Rebuild();
            return (result, null);
        }
        catch (Exception e) { return (result, $"the search index could not be rebuilt ({e.GetType().Name}: {e.Message}); run `reindex`"); }
    }
}
