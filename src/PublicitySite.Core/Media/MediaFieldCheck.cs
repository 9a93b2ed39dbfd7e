using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Media;

/// <summary>
/// The rule for a Media field's new value, on every path that saves through the workflow (the editor and the
/// write API): it must name a file of the media library, of the kind the field takes (an image for a cover or
/// photo, a PDF where the recipe says <c>accept: document</c>). A value the edited version already held is
/// left alone, so older items that hold an address of the old site still save.
/// </summary>
/// <remarks>
/// Reads the asset table itself rather than through <see cref="MediaLibrary"/>, so the workflow needs no
/// media storage or image settings to run (the core-only hosts of the workflow tests have none).
/// </remarks>
public sealed partial class MediaFieldCheck(AppDbContext db)
{
    /// <param name="values">Flat input (field name → value, names matched without regard to case, as the
    /// content mapper matches them). A value accepted by id or address is rewritten to the bare id, which usage
    /// tracking and the theme read.</param>
    /// <param name="baseline">Part data of the version being edited; null for a new item.</param>
    /// <returns>Chinese messages naming the field, empty when every Media field is acceptable.</returns>
    public async Task<IReadOnlyList<string>> CheckAsync(SiteDefinition site, ContentTypeDefinition type, JsonObject values, JsonObject? baseline, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        foreach (var (part, field) in site.FieldsOf(type).Where(f => f.Field.Type == FieldType.Media))
        {
            var key = values.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, field.Name, StringComparison.OrdinalIgnoreCase));
            var text = key is null ? "" : Text(values[key]);
            if (text.Length == 0 || text == Text((baseline?[part.Name] as JsonObject)?[field.Name]))
            {
                continue;
            }

            // The editor's picker fills in the id; by hand (or over the API) the library's address works too.
            var id = IdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
            var asset = id is null ? null : await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (asset is null)
            {
                errors.Add($"{field.Label}：媒体库中没有编号为“{text}”的文件，请从媒体库中选取，或先上传再选");
            }
            else if (field.TakesImages && !asset.Format.IsImage())
            {
                errors.Add($"{field.Label}：所选文件“{asset.FileName}”不是图片，请选择 JPEG、PNG、WebP 或 GIF 图片");
            }
            else if (!field.TakesImages && asset.Format.IsImage())
            {
                errors.Add($"{field.Label}：应选择 PDF 文档，所选文件“{asset.FileName}”是图片");
            }
            else
            {
                values[key!] = asset.Id;
            }
        }

        if (PictureColumnWithoutCover(site, type, values, baseline) is { } column)
        {
            errors.Add($"“{column}”是图片栏目，其中的内容必须有封面图");
        }

        return errors;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : "";

    /// <summary>A picture column (图片新闻) shows a grid of covers: an item without one would leave a hole in it.</summary>
    private static string? PictureColumnWithoutCover(SiteDefinition site, ContentTypeDefinition type, JsonObject values, JsonObject? baseline)
    {
        if (!type.Parts.Contains(BuiltInParts.Cover))
        {
            return null;
        }

        string Value(string part, string field)
        {
            var key = values.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
            return key is not null ? Text(values[key]) : Text((baseline?[part] as JsonObject)?[field]);
        }

        var column = site.FindColumn(Value(BuiltInParts.Column, "Column"));
        return column is { Pictures: true } && Value(BuiltInParts.Cover, "Cover").Length == 0 ? column.Name : null;
    }

    [GeneratedRegex("^(?:/media/)?([0-9a-z]{12})/?$")]
    private static partial Regex IdPattern();
}
