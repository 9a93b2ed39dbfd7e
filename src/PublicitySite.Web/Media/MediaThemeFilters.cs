using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Caching.Memory;
using PublicitySite.Media;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Media;

/// <summary>
/// Liquid filters that let pages load the right size of a picture:
/// <c>{{ id | media_picture: '(max-width: 800px) 100vw, 800px' }}</c> writes a <c>&lt;picture&gt;</c> with WebP
/// and JPEG <c>srcset</c>s, <c>sizes</c>, width, height and the asset's alt text (or <c>alt: '…'</c>);
/// <c>profile: 'portrait'</c> gives a fixed crop; <c>priority: true</c> marks the page's first picture (fetchpriority=high, not lazy). <c>{{ id | media_srcset: 'webp' }}</c> and
/// <c>{{ id | media_url: 'card' }}</c> give the bare values; <c>{{ body_html | media_responsive | raw }}</c> turns
/// the body's Markdown images of the library into such pictures. The input is an id or any <c>/media/{id}</c> address.
/// </summary>
internal sealed partial class MediaThemeFilters(IServiceScopeFactory scopes, IMemoryCache cache, MediaVariants variants) : IThemeFilters
{
    public const string DefaultSizes = "(max-width: 800px) 100vw, 800px";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public void Register(FilterCollection filters)
    {
        filters.AddFilter("media_picture", Picture);
        filters.AddFilter("media_srcset", SrcSet);
        filters.AddFilter("media_url", Url);
        filters.AddFilter("media_responsive", Responsive);
    }

    private async ValueTask<FluidValue> Picture(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (await FindAsync(input) is not { } asset || !asset.Format.IsImage())
        {
            return StringValue.Empty;
        }

        var sizes = arguments.Count > 0 && !arguments.At(0).IsNil() ? arguments.At(0).ToStringValue() : DefaultSizes;
        var alt = arguments.HasNamed("alt") ? arguments["alt"].ToStringValue() : asset.Alt;
        var fixedProfile = arguments.HasNamed("profile") ? variants.Profiles.FirstOrDefault(p => p.Name == arguments["profile"].ToStringValue()) : null;
        var priority = arguments.HasNamed("priority") && arguments["priority"].ToBooleanValue();
        return new StringValue(PictureHtml(asset, sizes, alt, fixedProfile, priority), encode: false);
    }

    /// <summary>
    /// Rewrites the <c>&lt;img&gt;</c> tags of a rendered body that point at <c>/media/{id}</c> (Markdown images)
    /// into responsive pictures, keeping the alt text the author wrote. Other images are left alone.
    /// </summary>
    private async ValueTask<FluidValue> Responsive(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var html = input.ToStringValue();
        var sizes = arguments.Count > 0 && !arguments.At(0).IsNil() ? arguments.At(0).ToStringValue() : DefaultSizes;
        var result = new StringBuilder();
        var last = 0;
        var first = true;
        foreach (Match tag in ImageTag().Matches(html))
        {
            if (SrcAttribute().Match(tag.Value) is not { Success: true } src || await FindAsync(new StringValue(src.Groups[1].Value)) is not { } asset || !asset.Format.IsImage())
            {
                continue;
            }

            var written = AltAttribute().Match(tag.Value) is { Success: true } alt ? System.Net.WebUtility.HtmlDecode(alt.Groups[1].Value) : "";
            result.Append(html, last, tag.Index - last);
            // The first picture of a body is usually in view at once: it loads eagerly, the rest when scrolled to.
            result.Append(PictureHtml(asset, sizes, written.Length > 0 ? written : asset.Alt, null, priority: first));
            first = false;
            last = tag.Index + tag.Length;
        }

        result.Append(html, last, html.Length - last);
        return new StringValue(result.ToString(), encode: false);
    }

    /// <summary>A <paramref name="priority"/> picture is the first one a reader sees: fetched early, never lazily.</summary>
    private string PictureHtml(MediaAsset asset, string sizes, string alt, VariantProfile? fixedProfile, bool priority = false)
    {
        var loading = priority ? "fetchpriority=\"high\" decoding=\"async\"" : "loading=\"lazy\" decoding=\"async\"";
        var html = new StringBuilder("<picture>");
        if (fixedProfile is not null)
        {
            var (w, h) = MediaVariants.SizeOf(asset, fixedProfile);
            html.Append(CultureInfo.InvariantCulture, $"<source type=\"image/webp\" srcset=\"{Attr(MediaUrls.Variant(asset, fixedProfile.Name, true))}\">");
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{Attr(MediaUrls.Variant(asset, fixedProfile.Name, false))}\" alt=\"{Attr(alt)}\" width=\"{w}\" height=\"{h}\" {loading}>");
        }
        else
        {
            var ladder = Ladder(asset);
            var fallback = ladder.LastOrDefault(p => p.Width <= 1024) ?? ladder[0];
            var (w, h) = MediaVariants.SizeOf(asset, fallback);
            html.Append(CultureInfo.InvariantCulture, $"<source type=\"image/webp\" srcset=\"{Attr(SrcSetOf(asset, ladder, true))}\" sizes=\"{Attr(sizes)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{Attr(MediaUrls.Variant(asset, fallback.Name, false))}\" srcset=\"{Attr(SrcSetOf(asset, ladder, false))}\" sizes=\"{Attr(sizes)}\" alt=\"{Attr(alt)}\" width=\"{w}\" height=\"{h}\" {loading}>");
        }

        html.Append("</picture>");
        return html.ToString();
    }

    private async ValueTask<FluidValue> SrcSet(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (await FindAsync(input) is not { } asset || !asset.Format.IsImage())
        {
            return StringValue.Empty;
        }

        var webp = !(arguments.Count > 0 && arguments.At(0).ToStringValue() is "jpeg" or "jpg");
        return new StringValue(SrcSetOf(asset, Ladder(asset), webp));
    }

    private async ValueTask<FluidValue> Url(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (await FindAsync(input) is not { } asset)
        {
            return StringValue.Empty;
        }

        if (arguments.Count > 0 && asset.Format.IsImage() && variants.Profiles.FirstOrDefault(p => p.Name == arguments.At(0).ToStringValue()) is { } profile)
        {
            return new StringValue(MediaUrls.Variant(asset, profile.Name, webp: arguments.At(1).ToStringValue() == "webp"));
        }

        return new StringValue(MediaUrls.Original(asset));
    }

    /// <summary>
    /// The proportional profiles worth offering for this image: every one narrower than the original, and the
    /// first one that reaches it (which serves the original width, never an upscale).
    /// </summary>
    private List<VariantProfile> Ladder(MediaAsset asset)
    {
        var ladder = new List<VariantProfile>();
        foreach (var profile in variants.Profiles.Where(p => !p.Crop).OrderBy(p => p.Width))
        {
            ladder.Add(profile);
            if (profile.Width >= asset.Width)
            {
                break;
            }
        }

        return ladder.Count > 0 ? ladder : variants.Profiles.Take(1).ToList();
    }

    private static string SrcSetOf(MediaAsset asset, IEnumerable<VariantProfile> ladder, bool webp) =>
        string.Join(", ", ladder.Select(p => $"{MediaUrls.Variant(asset, p.Name, webp)} {MediaVariants.SizeOf(asset, p).Width.ToString(CultureInfo.InvariantCulture)}w"));

    private async Task<MediaAsset?> FindAsync(FluidValue input)
    {
        var text = input.ToStringValue();
        var id = IdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        if (id is null)
        {
            return null;
        }

        var asset = await cache.GetOrCreateAsync("media-asset:" + id, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MediaLibrary>().GetAsync(id);
        });
        return asset;
    }

    private static string Attr(string value) => Encoder.Encode(value);

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex("\\ssrc=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("\\salt=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AltAttribute();

    [GeneratedRegex("^(?:/media/)?([0-9a-z]{12})(?:[/?#.]|$)")]
    private static partial Regex IdPattern();
}
