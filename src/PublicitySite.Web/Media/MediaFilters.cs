using Microsoft.AspNetCore.Mvc;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Media;

/// <summary>The filters of <c>GET /api/media</c>; the tag and folder limits are those a file's own words keep to.</summary>
internal sealed record MediaFilters : IQueryFilters
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    [FromQuery(Name = "folder")]
    public string? Folder { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        QueryFilter.Text("q", "在文件名、替代文字、说明中查找", 100),
        QueryFilter.Text("tag", "标签", 64),
        QueryFilter.Text("folder", "文件夹", 100),
        QueryFilter.OneOf("kind", "image（图片）或 document（文档）", "image", "document"),
    ];

    /// <summary>Whether only images (true) or only documents (false) are asked for, or a refusal.</summary>
    public bool TryRead(out bool? images, out (string Parameter, string Detail) error)
    {
        images = Kind switch { "image" => true, "document" => false, _ => null };
        if (Kind is not (null or "" or "image" or "document"))
        {
            error = ("kind", "kind 可为 image（图片）或 document（文档）");
            return false;
        }

        return QueryFilter.TryCheckLengths<MediaFilters>(out error, ("q", QueryFilter.Trimmed(Q)), ("tag", QueryFilter.Trimmed(Tag)), ("folder", QueryFilter.Trimmed(Folder)));
    }
}
