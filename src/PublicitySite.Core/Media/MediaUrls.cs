namespace PublicitySite.Media;

/// <summary>
/// Public addresses of media. Each carries a fingerprint of the stored bytes, so it can be cached for a year:
/// a replaced file has a new hash and therefore a new address.
/// </summary>
public static class MediaUrls
{
    public const int FingerprintLength = 16;

    public static string Fingerprint(string hash) => hash[..FingerprintLength];

    public static string Original(MediaAsset asset) => $"/media/{asset.Id}/{Fingerprint(asset.Hash)}.{asset.Format.Extension()}";

    public static string Variant(MediaAsset asset, string profile, bool webp) =>
        $"/media/{asset.Id}/{Fingerprint(asset.Hash)}/{profile}.{(webp ? "webp" : "jpg")}";

    /// <summary>A stable address that always redirects to the current file; what editors paste into Markdown.</summary>
    public static string Stable(string id) => $"/media/{id}";
}
