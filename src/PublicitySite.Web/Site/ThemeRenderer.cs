using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Security;

namespace PublicitySite.Web.Site;

/// <summary>
/// Renders the theme's Liquid views with Fluid. A view renders first, then <c>layout.liquid</c> wraps it with
/// the result in <c>content</c>. Output is always HTML-encoded (Fluid does not encode without an encoder),
/// with CJK left as characters. The <c>asset</c> filter turns a theme file into a fingerprinted URL, and
/// <c>csp.nonce</c> is the nonce an inline <c>&lt;script&gt;</c> needs under the Content-Security-Policy.
/// </summary>
public sealed class ThemeRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly FluidParser parser = new();
    private readonly TemplateOptions options;
    private readonly FileStamps<IFluidTemplate> templates = new();
    private readonly string viewsDir;

    private readonly IHttpContextAccessor http;

    public ThemeRenderer(SitePaths paths, IOptions<PublicityOptions> settings, IEnumerable<IThemeFilters> filters, IHttpContextAccessor http)
    {
        this.http = http;
        ArgumentNullException.ThrowIfNull(settings);
        ThemeName = settings.Value.Theme;
        ThemeDir = Path.Combine(paths.ThemesDir, ThemeName);
        viewsDir = Path.Combine(ThemeDir, "views");
        Assets = new AssetFingerprints(Path.Combine(ThemeDir, "assets"), "/themes/" + ThemeName);
        options = new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo("zh-CN"),
            TimeZone = SiteTime.Zone,
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        options.Filters.AddFilter("asset", (input, _, _) => new StringValue(Assets.Url(input.ToStringValue())));
        foreach (var feature in filters)
        {
            feature.Register(options.Filters);
        }
    }

    public string ThemeName { get; }

    public string ThemeDir { get; }

    public AssetFingerprints Assets { get; }

    /// <summary>Renders <paramref name="view"/> inside the layout. <paramref name="model"/> is exposed as <c>model</c>.</summary>
    public async Task<string> RenderPageAsync(string view, object model, LayoutModel layout)
    {
        var context = new TemplateContext(options);
        context.SetValue("model", model);
        context.SetValue("layout", layout);
        context.SetValue("site", layout.Site);
        context.SetValue("reader", layout.Reader);
        context.SetValue("csp", new CspValues(http.HttpContext));
        var body = await Load(view).RenderAsync(context, Encoder);
        context.SetValue("content", new StringValue(body, encode: false));
        return await Load("layout").RenderAsync(context, Encoder);
    }

    /// <summary>Renders a view on its own (feeds and other non-page output).</summary>
    public async Task<string> RenderAsync(string view, object model)
    {
        var context = new TemplateContext(options);
        context.SetValue("model", model);
        return await Load(view).RenderAsync(context, Encoder);
    }

    /// <summary>
    /// Parses every view now, so the first reader of each kind of page does not wait for it. A view that does not
    /// parse is left for its page to report, as it would be without this.
    /// </summary>
    public void ParseViews()
    {
        if (!Directory.Exists(viewsDir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(viewsDir, "*.liquid", SearchOption.AllDirectories))
        {
            try
            {
                Load(Path.ChangeExtension(Path.GetRelativePath(viewsDir, file), null).Replace(Path.DirectorySeparatorChar, '/'));
            }
            catch (InvalidOperationException)
            {
                // reported again, with the file's name, when a page asks for the view
            }
        }
    }

    /// <summary><c>{{ csp.nonce }}</c> for an inline script; made only when a template asks for it.</summary>
    public sealed class CspValues(HttpContext? http)
    {
        public string Nonce => http?.CspNonce() ?? "";
    }

    private IFluidTemplate Load(string view) => templates.Get(view, Path.Combine(viewsDir, view + ".liquid"), Parse);

    private IFluidTemplate Parse(string file)
    {
        var source = File.ReadAllText(file);
        if (!parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Template {file} does not parse: {error}");
        }

        return template;
    }
}
