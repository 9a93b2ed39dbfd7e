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
        $"/media/{asset.Id}/{VariantFingerprint(asset)}/{profile}.{(webp ? "webp" : "jpg")}";

    /// <summary>
    /// Variants also depend on the focal point (crops are cut around it), so their fingerprint covers it too:
    /// moving the focal point gives every variant a new address.
    /// </summary>
    public static string VariantFingerprint(MediaAsset asset)
    {
        var focal = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{asset.FocalX:0.####},{asset.FocalY:0.####}");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(asset.Hash + focal)));
        return asset.Hash[..10] + digest[..6];
    }

    /// <summary>A stable address that always redirects to the current file; what editors paste into Markdown.</summary>
    public static string Stable(string id) => $"/media/{id}";
}
