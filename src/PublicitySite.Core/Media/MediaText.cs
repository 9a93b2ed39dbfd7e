using System.Globalization;
using PublicitySite.Commands;

namespace PublicitySite.Media;

/// <summary>Checks and cleans the words that come with a file: names, alt text, captions, tags.</summary>
internal static class MediaText
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;

    /// <summary>The first of the words that is not acceptable, under its API name (alt, caption, credit, folder, tags).</summary>
    public static FieldError? Check(MediaUpload upload, MediaOptions options) =>
        TooLong("alt", "替代文字（alt）", upload.Alt, options.MaxAltLength)
        ?? TooLong("caption", "图片说明", upload.Caption, 500)
        ?? TooLong("credit", "摄影/来源", upload.Credit, 100)
        ?? TooLong("folder", "文件夹", upload.Folder, 100)
        ?? (CheckTags(upload.Tags) is { } tags ? new FieldError("tags", tags) : null);

    private static string? CheckTags(IReadOnlyList<string>? tags)
    {
        var clean = CleanTags(tags);
        if (clean.Count > MaxTags)
        {
            return $"标签不能超过 {MaxTags} 个";
        }

        return tags?.Any(t => t.Trim().Length > MaxTagLength) == true ? $"每个标签不能超过 {MaxTagLength} 个字" : null;
    }

    private static FieldError? TooLong(string field, string label, string? value, int max) =>
        value is not null && value.Trim().Length > max ? new FieldError(field, $"{label}不能超过 {max} 个字（现有 {value.Trim().Length} 个）") : null;

    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = new string(value.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return text.Length == 0 ? null : text;
    }

    public static List<string> CleanTags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(Clean).OfType<string>().Where(t => t.Length <= MaxTagLength).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The sent name reduced to a display name: no folders, no control or path characters, the real type's
    /// extension. It is never used to build a path.
    /// </summary>
    public static string CleanFileName(string? name, MediaFormat format)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var stem = Path.GetFileNameWithoutExtension(last);
        var clean = new string(stem.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim(' ', '.');
        if (clean.Length == 0)
        {
            clean = "未命名";
        }

        if (clean.Length > 150)
        {
            clean = clean[..150];
        }

        return $"{clean}.{format.Extension()}";
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
