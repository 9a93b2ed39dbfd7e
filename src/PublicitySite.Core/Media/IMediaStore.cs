using System.Text.RegularExpressions;

namespace PublicitySite.Media;

/// <summary>
/// Where media bytes live. Keys are made by the site from content hashes (never from anything a user typed),
/// so a shared disk or an object store can implement this with the same keys.
/// </summary>
public interface IMediaStore
{
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the whole object or nothing: readers never see a half-written file.</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when there is no such object.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every object whose key starts with <paramref name="prefix"/> (a folder of variants).</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>The shape every store key has; anything else is a programming error, not a user's input.</summary>
public static partial class MediaKeys
{
    public static string Original(string hash, MediaFormat format) => $"originals/{hash[..2]}/{hash}.{format.Extension()}";

    /// <summary>The reduced copy of a large JPEG that variants are cut from.</summary>
    public static string Source(string hash) => $"sources/{hash[..2]}/{hash}.jpg";

    /// <summary>
    /// A file kept outside the media library (a member's proposal attachment): it has no <c>/media/{id}</c>
    /// address and is read only through the route that checks who may see it.
    /// </summary>
    public static string Attachment(string hash, MediaFormat format) => $"attachments/{hash[..2]}/{hash}.{format.Extension()}";

    public static string VariantFolder(string hash) => $"variants/{hash[..2]}/{hash}/";

    public static string Variant(string hash, string profile, string extension) => $"{VariantFolder(hash)}{profile}.{extension}";

    public static bool IsProfileName(string name) => ProfilePattern().IsMatch(name);

    public static void Validate(string key)
    {
        if (!KeyPattern().IsMatch(key) || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a media key: {key}", nameof(key));
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex ProfilePattern();

    [GeneratedRegex(@"^[a-z]+/[0-9a-f]{2}/[0-9a-f]{64}(\.[a-z]{3,4}|/([a-z0-9-]{1,40}\.[a-z]{3,4})?)$")]
    private static partial Regex KeyPattern();
}
