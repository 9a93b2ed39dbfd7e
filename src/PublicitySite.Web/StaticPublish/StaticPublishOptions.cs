namespace PublicitySite.Web.StaticPublish;

/// <summary>Bound from <c>StaticPublish</c>: <c>StaticPublish__Directory</c> turns static publishing on.</summary>
internal sealed class StaticPublishOptions
{
    public const string Section = "StaticPublish";

    /// <summary>Where the public site is written as files for nginx; empty: off.</summary>
    public string? Directory { get; set; }

    /// <summary>A second directory written the same way: the external server's copy in a 内外网分离 deployment.</summary>
    public string? MirrorDirectory { get; set; }

    /// <summary>The public address pages are rendered for (canonical links, feeds and the sitemap carry it).</summary>
    public string Origin { get; set; } = "http://localhost";

    /// <summary>Pages to publish besides the home page, the sitemap's and every page they link to.</summary>
    public string[] ExtraPaths { get; set; } = ["/members", "/proposals", "/proposals/statistics", "/literature", "/social-opinions"];

    /// <summary>Paths that stay with the application: search, API, admin, media, sign-in pages.</summary>
    public string[] DynamicPrefixes { get; set; } =
        ["/api", "/admin", "/search", "/media", "/share", "/preview", "/member", "/account", "/login", "/logout", "/healthz", "/metrics", "/openapi", "/themes"];

    /// <summary>How long to gather the tags one commit evicts before rewriting.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromMilliseconds(30);

    public int MaxPages { get; set; } = 200_000;

    public Uri OriginUri => new(Origin.TrimEnd('/') + "/");

    public IReadOnlyList<string> Targets() =>
        new[] { Directory, MirrorDirectory }.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => Path.GetFullPath(d!)).ToList();
}
