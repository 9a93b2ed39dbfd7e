using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.Web.Auth;

/// <summary>
/// Draws a short sum such as <c>7+5=?</c> as hand-drawn strokes on a noisy background: every glyph is a
/// polyline, scaled, tilted and shifted at random, so no two pictures are alike. Drawn stroke by stroke
/// rather than with a font, so it needs no font on the server and no drawing library.
/// </summary>
internal static class ChallengePicture
{
    public const int Width = 180;
    public const int Height = 60;

    /// <summary>Each glyph as strokes of points on a 10×16 grid (y downwards).</summary>
    private static readonly Dictionary<char, float[][]> Glyphs = new()
    {
        ['0'] = [[5, 0, 9, 3, 10, 8, 9, 13, 5, 16, 1, 13, 0, 8, 1, 3, 5, 0]],
        ['1'] = [[2, 4, 6, 0, 6, 16], [3, 16, 9, 16]],
        ['2'] = [[0, 4, 2, 1, 5, 0, 8, 1, 10, 4, 9, 7, 0, 16, 10, 16]],
        ['3'] = [[0, 2, 4, 0, 8, 1, 9, 4, 8, 7, 4, 8, 9, 10, 10, 13, 8, 16, 4, 16, 0, 14]],
        ['4'] = [[7, 16, 7, 0, 0, 11, 10, 11]],
        ['5'] = [[9, 0, 1, 0, 0, 7, 5, 6, 9, 8, 10, 12, 8, 15, 4, 16, 0, 14]],
        ['6'] = [[8, 1, 4, 0, 1, 4, 0, 10, 1, 14, 5, 16, 9, 14, 10, 11, 8, 8, 4, 8, 1, 10]],
        ['7'] = [[0, 0, 10, 0, 4, 16]],
        ['8'] = [[5, 8, 1, 6, 1, 2, 5, 0, 9, 2, 9, 6, 5, 8, 0, 11, 1, 15, 5, 16, 9, 15, 10, 11, 5, 8]],
        ['9'] = [[9, 6, 6, 8, 2, 8, 0, 5, 1, 1, 5, 0, 9, 2, 10, 6, 9, 12, 6, 16, 2, 15]],
        ['+'] = [[1, 8, 9, 8], [5, 4, 5, 12]],
        ['-'] = [[1, 8, 9, 8]],
        ['='] = [[1, 6, 9, 6], [1, 10, 9, 10]],
        ['?'] = [[1, 3, 3, 0, 7, 0, 9, 3, 8, 6, 5, 8, 5, 11], [5, 14, 5, 15]],
    };

    public static byte[] DrawPng(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var image = new Image<Rgba32>(Width, Height, new Rgba32(246, 243, 236));
        for (var i = 0; i < 6; i++)
        {
            var shade = (byte)Next(150, 200);
            Stroke(image, [Next(0, Width), Next(0, Height), Next(0, Width), Next(0, Height)], 1f, new Rgba32(shade, shade, (byte)Next(150, 220)));
        }

        var cell = (Width - 16f) / text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Glyphs.TryGetValue(text[i], out var strokes))
            {
                throw new ArgumentException($"No glyph for '{text[i]}'", nameof(text));
            }

            var scale = Next(20, 27) / 10f;
            var angle = (Next(0, 41) - 20) / 100f;
            var originX = 8 + (i * cell) + ((cell - (10 * scale)) / 2) + Next(-2, 3);
            var originY = ((Height - (16 * scale)) / 2) + Next(-5, 6);
            var ink = new Rgba32((byte)Next(20, 90), (byte)Next(20, 70), (byte)Next(60, 140));
            foreach (var stroke in strokes)
            {
                var points = new float[stroke.Length];
                for (var p = 0; p < stroke.Length; p += 2)
                {
                    // Tilt about the glyph's centre, then place it in its cell.
                    float x = stroke[p] - 5, y = stroke[p + 1] - 8;
                    points[p] = originX + (5 * scale) + (scale * ((x * MathF.Cos(angle)) - (y * MathF.Sin(angle))));
                    points[p + 1] = originY + (8 * scale) + (scale * ((x * MathF.Sin(angle)) + (y * MathF.Cos(angle))));
                }

                Stroke(image, points, 1.8f, ink);
            }
        }

        for (var i = 0; i < 160; i++)
        {
            var shade = (byte)Next(100, 200);
            image[Next(0, Width), Next(0, Height)] = new Rgba32(shade, shade, shade);
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    /// <summary>A polyline of the given half-width, stamped as discs every half pixel along each segment.</summary>
    private static void Stroke(Image<Rgba32> image, float[] points, float radius, Rgba32 colour)
    {
        for (var p = 0; p + 3 < points.Length; p += 2)
        {
            float x0 = points[p], y0 = points[p + 1], x1 = points[p + 2], y1 = points[p + 3];
            var steps = Math.Max(1, (int)(MathF.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) * 2));
            for (var s = 0; s <= steps; s++)
            {
                Disc(image, x0 + ((x1 - x0) * s / steps), y0 + ((y1 - y0) * s / steps), radius, colour);
            }
        }
    }

    private static void Disc(Image<Rgba32> image, float cx, float cy, float radius, Rgba32 colour)
    {
        var r = (int)MathF.Ceiling(radius);
        for (var y = (int)cy - r; y <= (int)cy + r; y++)
        {
            for (var x = (int)cx - r; x <= (int)cx + r; x++)
            {
                if (x >= 0 && y >= 0 && x < image.Width && y < image.Height && ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius)
                {
                    image[x, y] = colour;
                }
            }
        }
    }

    private static int Next(int from, int to) => RandomNumberGenerator.GetInt32(from, to);
}
