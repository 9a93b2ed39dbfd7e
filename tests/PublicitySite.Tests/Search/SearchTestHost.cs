using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Search;

/// <summary>
/// Core services with search on a fresh database, the indexer loop running as the web host runs it, and the
/// index built (or opened) before the test starts.
/// </summary>
public sealed class SearchTestHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task loop = Task.CompletedTask;

    private SearchTestHost(CoreHost core) => Core = core;

    public CoreHost Core { get; }

    public SearchService Search => Core.Services.GetRequiredService<SearchService>();

    public SearchIndex Index => Core.Services.GetRequiredService<SearchIndex>();

    public SearchIndexer Indexer => Core.Services.GetRequiredService<SearchIndexer>();

    public static async Task<SearchTestHost> StartAsync(Db db = Db.Sqlite, bool seed = false)
    {
        var core = await CoreHost.StartAsync(db, seed, s => s.AddSearch());
        var host = new SearchTestHost(core);
        var (start, rebuild) = await host.Indexer.OpenAsync(CancellationToken.None);
        host.loop = host.Indexer.RunAsync(start, host.stop.Token);
        if (rebuild)
        {
            await core.Services.GetRequiredService<ISearchIndexRebuilder>().RebuildAsync(null, CancellationToken.None);
        }

        await host.Indexer.WaitForIdleAsync(TimeSpan.FromSeconds(30));
        return host;
    }

    public SearchResult Find(string query, SearchScope scope = SearchScope.Public) =>
        Search.Search(new SearchRequest { Query = query, Scope = scope, PageSize = 20 }) ?? throw new InvalidOperationException("The index is not ready.");

    public Task<Result<ContentItemVersion>> CreateAsync(string title, string body, string type = "News", string? column = "工作动态") =>
        Core.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync(type, new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = title,
            ["body"] = body,
            ["column"] = column,
        }, "admin"));

    public Task<Result<ContentItemVersion>> PublishAsync(string id) => Core.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));

    public Task CaughtUpAsync() => Indexer.WaitForIdleAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        await Core.DisposeAsync();
    }
}
