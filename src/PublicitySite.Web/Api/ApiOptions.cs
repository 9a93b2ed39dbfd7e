namespace PublicitySite.Web.Api;

/// <summary>Bound from the <c>Api</c> section.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Origins other front ends are served from (CORS); empty means same-origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Requests a minute for one anonymous client address.</summary>
    public int AnonymousPerMinute { get; set; } = 600;

    /// <summary>Requests a minute for one API token.</summary>
    public int TokenPerMinute { get; set; } = 3000;

    /// <summary>Largest request body the JSON API reads (uploads to /api/media have their own limit); larger is a 413.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;
}
