using Microsoft.Extensions.Caching.Memory;
using PublicitySite.Contents;

namespace PublicitySite.Literature;

/// <summary>An article version rendered for reading: the public view, the body with anchors, the outline.</summary>
public sealed record RenderedArticle(ContentView View, string Html, IReadOnlyList<OutlineHeading> Headings);

/// <summary>
/// Rendering and sanitising a 20,000-character article takes tens of milliseconds; a version never changes
/// (an edit makes a new one), so the result is kept per version and content hash and needs no invalidation.
/// </summary>
public sealed class ArticleRenderCache(IMemoryCache cache, ContentViewFactory views)
{
    public RenderedArticle Get(PublishedEntry entry) =>
        cache.GetOrCreate($"literature-article:{entry.Item.Id}:{entry.Version.Number}:{entry.Version.ContentHash}", e =>
        {
            var view = views.Create(entry);
            var (html, headings) = ArticleOutline.Build(view.BodyHtml);
            e.SlidingExpiration = TimeSpan.FromMinutes(30);
            e.Size = html.Length + (view.BodyText?.Length ?? 0); // counted in characters, in case a size limit is set
            return new RenderedArticle(view, html, headings);
        })!;
}
