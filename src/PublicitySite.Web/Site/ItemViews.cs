using Microsoft.Extensions.Caching.Memory;
using PublicitySite.Contents;

namespace PublicitySite.Web.Site;

/// <summary>
/// Rendered views of published versions. A version is never edited in place (a change is a new version),
/// so its sanitised HTML can be kept by version id and content hash: a page render that misses the page
/// cache then costs queries and a template, not a Markdown parse and an HTML sanitiser pass.
/// </summary>
internal sealed class ItemViews(ContentViewFactory factory) : IDisposable
{
    private readonly MemoryCache views = new(new MemoryCacheOptions { SizeLimit = 1000 });

    public ContentView Get(PublishedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = (entry.Version.Id, entry.Version.ContentHash, entry.Version.PublishedUtc, entry.Item.Path);
        if (views.TryGetValue(key, out ContentView? view) && view is not null)
        {
            return view;
        }

        view = factory.Create(entry);
        views.Set(key, view, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return view;
    }

    public void Dispose() => views.Dispose();
}
