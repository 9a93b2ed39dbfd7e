using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.Tests.Media;

/// <summary>
/// Files the media tests upload, all made here from code: good photos (with EXIF GPS and a rotation flag, as a
/// phone writes them) and the corpus of bad files an attacker or a broken upload produces.
/// </summary>
public static class SampleFiles
{
    /// <summary>A JPEG with a gradient (so resizing has real work), optionally with phone-style EXIF.</summary>
    public static byte[] Jpeg(int width = 400, int height = 300, bool withGps = false, ushort orientation = 1, int seed = 0)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x ^ y ^ seed) & 0xFF));
                }
            }
        });
        if (withGps || orientation != 1)
        {
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.Orientation, orientation);
            if (withGps)
            {
                exif.SetValue(ExifTag.GPSLatitudeRef, "N");
                exif.SetValue(ExifTag.GPSLatitude, [new Rational(39, 1), new Rational(54, 1), new Rational(2736, 100)]);
                exif.SetValue(ExifTag.GPSLongitudeRef, "E");
                exif.SetValue(ExifTag.GPSLongitude, [new Rational(116, 1), new Rational(23, 1), new Rational(2952, 100)]);
                exif.SetValue(ExifTag.Make, "PhoneMaker");
            }

            image.Metadata.ExifProfile = exif;
        }

        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    public static byte[] Png(int width = 200, int height = 100)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 30, 30, 255));
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder());
        return output.ToArray();
    }

    public static byte[] Webp(int width = 120, int height = 80)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(30, 160, 60, 255));
        using var output = new MemoryStream();
        image.Save(output, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder());
        return output.ToArray();
    }

    public static byte[] Gif(int width = 60, int height = 40, string? comment = null)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(10, 120, 200, 255));
        if (comment is not null)
        {
            image.Metadata.GetGifMetadata().Comments.Add(comment);
        }

        using var output = new MemoryStream();
        image.Save(output, new GifEncoder());
        return output.ToArray();
    }

    public static byte[] Pdf(string extra = "")
    {
        var body = $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R {extra}>> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(body);
    }

    /// <summary>
    /// A PNG of a few hundred bytes whose header claims 30000×30000 pixels: decoding it naively allocates
    /// gigabytes. The chunk checksums are right, so only the size gives it away.
    /// </summary>
    public static byte[] PngBomb(int width = 30_000, int height = 30_000)
    {
        var png = Png(1, 1);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>An animation of many full-screen frames: each frame is allowed, all together are not.</summary>
    public static byte[] GifFrameBomb(int side = 4000, int frames = 40)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([(byte)side, (byte)(side >> 8), (byte)side, (byte)(side >> 8), 0x80, 0, 0]);
        bytes.AddRange([0, 0, 0, 255, 255, 255]); // two-colour global table
        for (var i = 0; i < frames; i++)
        {
            bytes.AddRange([0x2C, 0, 0, 0, 0, (byte)side, (byte)(side >> 8), (byte)side, (byte)(side >> 8), 0]);
            bytes.AddRange([2, 2, 0x4C, 0x01, 0]);
        }

        bytes.Add(0x3B);
        return bytes.ToArray();
    }

    public static byte[] Truncated(byte[] file, double keep = 0.6) => file[..(int)(file.Length * keep)];

    /// <summary>An SVG that runs script, sent with a .png name and an image/png content type.</summary>
    public static byte[] SvgWithScript() =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

    /// <summary>Starts with the PNG signature, then is not a PNG at all.</summary>
    public static byte[] LyingSignature() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("this is not an image, whatever the first bytes say")];

    /// <summary>A valid GIF that is also an HTML page: the markup sits in a comment block.</summary>
    public static byte[] HtmlGifPolyglot() => Gif(comment: "<html><body><script>alert(1)</script></body></html>");

    /// <summary>A valid JPEG with an HTML page appended after its end marker.</summary>
    public static byte[] JpegWithHtmlTail() => [.. Jpeg(64, 48), .. Encoding.ASCII.GetBytes("<!DOCTYPE html><script>alert(1)</script>")];

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
