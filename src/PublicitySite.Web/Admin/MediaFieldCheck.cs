using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;

namespace PublicitySite.Web.Admin;

/// <summary>
/// Checks the editor's Media fields before a save: a new value must name a file of the media library, of the
/// kind the field takes (an image for a cover or photo, a PDF for a document field). A value the version
/// already held is left alone, so older items that hold an address still save.
/// </summary>
public static partial class MediaFieldCheck
{
    public static async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<EditorField> fields, JsonObject values, JsonObject baseline, MediaLibrary library, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var field in fields.Select(f => f.Field).Where(f => f.Type == FieldType.Media))
        {
            var text = Text(values[field.Name]);
            if (text.Length == 0 || text == Text(baseline[field.Name]))
            {
                continue;
            }

            // The form takes the id the picker fills in, or the library's stable address pasted by hand.
            var id = IdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
            var asset = id is null ? null : await library.GetAsync(id, cancellationToken);
            if (asset is null)
            {
                errors.Add($"{field.Label}：媒体库中没有编号为“{text}”的文件，请点“选择图片”从媒体库选取");
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
                values[field.Name] = asset.Id; // stored as the bare id, which usage tracking and the theme read
            }
        }

        return errors;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : "";

    [GeneratedRegex("^(?:/media/)?([0-9a-z]{12})/?$")]
    private static partial Regex IdPattern();
}
