using PublicitySite.Web.Auth;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.Tests.Auth;

/// <summary>The sign-in question's picture: a real PNG with the sum drawn in dark strokes, never twice alike.</summary>
public sealed class ChallengePictureTests
{
    [Fact]
    public void The_sum_is_drawn_as_a_png_of_the_stated_size_with_dark_strokes()
    {
        using var image = Image.Load<Rgba32>(ChallengePicture.DrawPng("7+5=?"));

        Assert.Equal((ChallengePicture.Width, ChallengePicture.Height), (image.Width, image.Height));
        var ink = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    ink += pixel.R < 100 && pixel.G < 100 ? 1 : 0;
                }
            }
        });
        // Five glyphs of strokes about 4 px wide cover several hundred pixels; noise alone is never this dark.
        Assert.InRange(ink, 400, ChallengePicture.Width * ChallengePicture.Height / 3);
    }

    [Fact]
    public void The_same_sum_is_drawn_differently_each_time()
    {
        Assert.NotEqual(ChallengePicture.DrawPng("3+4=?"), ChallengePicture.DrawPng("3+4=?"));
    }

    [Fact]
    public void A_character_without_a_glyph_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChallengePicture.DrawPng("3*4=?"));
    }
}
