using Microsoft.AspNetCore.OutputCaching;
using PublicitySite.Changes;
using PublicitySite.Contents.Definitions;
using PublicitySite.Search;
using PublicitySite.Settings;
using PublicitySite.Storage;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Cluster;

/// <summary>Everything this node keeps in memory that another node's change can make stale, and how to refresh it.</summary>
internal sealed class NodeCaches(
    IOutputCacheStore pages,
    PublicReadCache reads,
    SiteSettingsCache settings,
    PublicitySite.Navigation.NavigationCache navigation,
    SynonymStore synonyms,
    SiteDefinitionStore definitions,
    SearchIndexer indexer,
    IServiceScopeFactory scopes)
{
    /// <summary>Reloads one piece of shared state from the database (after another node changed it).</summary>
    public async Task ReloadAsync(SharedState what, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        switch (what)
        {
            case SharedState.Settings:
                settings.Clear();
                navigation.Clear();
                break;
            case SharedState.Synonyms:
                await synonyms.LoadAsync(db, cancellationToken);
                break;
            case SharedState.SiteDefinition:
                await definitions.LoadAsync(db, cancellationToken);
                await pages.EvictByTagAsync(PageCache.SiteTag, cancellationToken);
                reads.Clear();
                break;
        }
    }

    /// <summary>Forgets every cached page and read, and reloads settings, synonyms and the site definition.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        await pages.EvictByTagAsync(PageCache.SiteTag, cancellationToken);
        reads.Clear();
        settings.Clear();
        navigation.Clear();
        try
        {
            await ReloadAsync(SharedState.Synonyms, cancellationToken);
            await ReloadAsync(SharedState.SiteDefinition, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // The database is unreachable too: the copies in memory stay until the next drop.
        }

        indexer.Nudge();
    }
}
