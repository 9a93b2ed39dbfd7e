namespace PublicitySite.Media;

/// <summary>Bound from the <c>Media</c> section. Every limit is there to keep one upload from harming the server.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest file accepted, counted while the request streams in.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest width or height, read from the header before any pixel is decoded.</summary>
    public int MaxSide { get; set; } = 12_000;

    public double MaxMegapixels { get; set; } = 40;

    /// <summary>Pixels across all frames of an animation, so a small GIF of thousands of frames is refused.</summary>
    public double MaxTotalMegapixels { get; set; } = 120;

    /// <summary>Largest single buffer the decoder may ask for; a header that lies about its size fails fast.</summary>
    public int DecoderMemoryMegabytes { get; set; } = 320;

    public int JpegQuality { get; set; } = 85;

    public int WebpQuality { get; set; } = 80;

    /// <summary>WebP effort, 0 (fastest) to 6 (smallest). The managed encoder is slow at 4 and above on large variants.</summary>
    public int WebpMethod { get; set; } = 2;

    /// <summary>Longest alt text, caption and credit; alt text is required for images.</summary>
    public int MaxAltLength { get; set; } = 300;

    /// <summary>
    /// The only sizes that exist. A URL naming anything else is refused, so nobody can fill the disk by asking
    /// for arbitrary sizes. Configuration replaces this list when it sets <c>Media:Profiles</c>.
    /// </summary>
    public List<VariantProfile> Profiles { get; set; } = [];

    public IReadOnlyList<VariantProfile> EffectiveProfiles => Profiles.Count > 0 ? Profiles : VariantProfile.Defaults;

    public VariantProfile? FindProfile(string name) =>
        EffectiveProfiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// A named size. Without <see cref="Height"/> the image keeps its proportions within <see cref="Width"/>;
/// with it the image is cropped to exactly that box around the asset's focal point (member portraits).
/// </summary>
public sealed class VariantProfile
{
    public string Name { get; set; } = "";

    public int Width { get; set; }

    public int? Height { get; set; }

    public bool Crop => Height is > 0;

    public static IReadOnlyList<VariantProfile> Defaults { get; } =
    [
        new() { Name = "thumb", Width = 320 },
        new() { Name = "card", Width = 640 },
        new() { Name = "article", Width = 1024 },
        new() { Name = "hero", Width = 1600 },
        new() { Name = "portrait", Width = 360, Height = 480 },
        new() { Name = "portrait-small", Width = 120, Height = 160 },
    ];
}
