using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Web.Site;

namespace PublicitySite.Tests.Media;

/// <summary>The Liquid filters the theme uses to load the right size of a picture.</summary>
public sealed class MediaThemeFiltersTests
{
    private static async Task<string> RenderAsync(MediaSite site, string source, string id)
    {
        var options = new TemplateOptions();
        foreach (var filters in site.Factory.Services.GetServices<IThemeFilters>())
        {
            filters.Register(options.Filters);
        }

        Assert.True(new FluidParser().TryParse(source, out var template, out var error), error);
        var context = new TemplateContext(options);
        context.SetValue("id", id);
        return await template.RenderAsync(context, HtmlEncoder.Create(UnicodeRanges.All));
    }

    private static async Task<JsonElement> UploadAsync(MediaSite site, byte[] file, string alt)
    {
        var response = await (await site.ClientAsync()).PostAsync("/api/media", MediaEndpointsTests.Form(file, alt: alt));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_picture_offers_webp_and_jpeg_sizes_up_to_the_original_width_with_its_alt_text()
    {
        using var site = new MediaSite();
        var asset = await UploadAsync(site, SampleFiles.Jpeg(1200, 800), "政协委员在会上发言");
        var id = asset.GetProperty("id").GetString()!;

        var html = await RenderAsync(site, "{{ id | media_picture: '(max-width: 600px) 100vw, 600px' }}", id);

        var card = asset.GetProperty("variants").GetProperty("card");
        Assert.StartsWith("<picture><source type=\"image/webp\"", html);
        Assert.Contains($"{card.GetProperty("webp").GetString()} 640w", html);
        Assert.Contains($"{card.GetProperty("jpeg").GetString()} 640w", html);
        Assert.Contains("1200w", html);            // hero (1600) would upscale: the original width is offered instead
        Assert.DoesNotContain("1600w", html);
        Assert.Contains("sizes=\"(max-width: 600px) 100vw, 600px\"", html);
        Assert.Contains("alt=\"政协委员在会上发言\"", html);
        Assert.Contains("width=\"1024\" height=\"683\"", html);

        var served = await (await site.ClientAsync()).GetAsync(card.GetProperty("webp").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_portrait_profile_gives_a_fixed_crop_and_bad_input_renders_nothing()
    {
        using var site = new MediaSite();
        var id = (await UploadAsync(site, SampleFiles.Jpeg(800, 600), "委员照片\"><script>")).GetProperty("id").GetString()!;

        var portrait = await RenderAsync(site, "{{ id | media_picture: nil, profile: 'portrait' }}", $"/media/{id}");
        var srcset = await RenderAsync(site, "{{ id | media_srcset: 'jpeg' }}", id);
        var missing = await RenderAsync(site, "[{{ id | media_picture }}]", "zzzzzzzzzzzz");
        var junk = await RenderAsync(site, "[{{ id | media_url: 'card' }}]", "../../etc/passwd");

        Assert.Contains("/portrait.jpg\"", portrait);
        Assert.Contains("width=\"360\" height=\"480\"", portrait);
        Assert.DoesNotContain("<script>", portrait);
        Assert.Contains("&lt;script&gt;", portrait);
        Assert.Matches("^/media/[0-9a-z]{12}/[0-9a-f]{16}/thumb\\.jpg 320w, .*card\\.jpg 640w, .*article\\.jpg 800w$", srcset);
        Assert.Equal("[]", missing);
        Assert.Equal("[]", junk);
    }

    [Fact]
    public async Task Markdown_images_of_the_library_become_responsive_pictures_with_the_authors_alt_text()
    {
        using var site = new MediaSite();
        var id = (await UploadAsync(site, SampleFiles.Jpeg(900, 600), "库中的说明")).GetProperty("id").GetString()!;
        var body = new PublicitySite.Markdown.MarkdownRenderer().ToHtml($"会场一角：\n\n![委员&代表合影](/media/{id})\n\n![外部图片](https://example.org/a.png)");

        var html = await RenderAsync(site, "{{ id | media_responsive | raw }}", body);

        Assert.Contains("<picture><source type=\"image/webp\"", html);
        Assert.Contains("alt=\"委员&amp;代表合影\"", html);
        Assert.DoesNotContain($"src=\"/media/{id}\"", html);
        Assert.Contains("src=\"https://example.org/a.png\"", html);
        Assert.Contains("会场一角", html);
    }
}
