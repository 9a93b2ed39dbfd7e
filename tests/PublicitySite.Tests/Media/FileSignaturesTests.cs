using PublicitySite.Media;

namespace PublicitySite.Tests.Media;

/// <summary>Type by signature and the structure walks, without any decoder.</summary>
public sealed class FileSignaturesTests
{
    [Fact]
    public void Each_accepted_type_is_recognised_from_its_bytes()
    {
        Assert.Equal(MediaFormat.Jpeg, FileSignatures.Inspect(SampleFiles.Jpeg(40, 30)).Format);
        Assert.Equal(MediaFormat.Png, FileSignatures.Inspect(SampleFiles.Png()).Format);
        Assert.Equal(MediaFormat.Gif, FileSignatures.Inspect(SampleFiles.Gif()).Format);
        Assert.Equal(MediaFormat.Pdf, FileSignatures.Inspect(SampleFiles.Pdf()).Format);
        Assert.All(new[] { SampleFiles.Jpeg(40, 30), SampleFiles.Png(), SampleFiles.Gif(), SampleFiles.Pdf() }, f => Assert.Null(FileSignatures.Inspect(f).Problem));
    }

    [Fact]
    public void An_svg_is_not_an_accepted_type_whatever_it_is_called()
    {
        var inspection = FileSignatures.Inspect(SampleFiles.SvgWithScript());
        Assert.Null(inspection.Format);
        Assert.Contains("JPEG、PNG、WebP、GIF", inspection.Problem);
    }

    [Fact]
    public void Truncated_images_of_every_format_are_caught_by_their_structure()
    {
        foreach (var file in new[] { SampleFiles.Jpeg(), SampleFiles.Png(300, 300), SampleFiles.Gif(200, 200) })
        {
            var inspection = FileSignatures.Inspect(SampleFiles.Truncated(file));
            Assert.NotNull(inspection.Format);
            Assert.Contains("不完整", inspection.Problem);
        }
    }

    [Fact]
    public void Markup_in_a_gif_comment_or_after_a_jpeg_is_refused_but_pixel_data_is_not_searched()
    {
        Assert.Contains("脚本", FileSignatures.Inspect(SampleFiles.HtmlGifPolyglot()).Problem);
        Assert.Contains("脚本", FileSignatures.Inspect(SampleFiles.JpegWithHtmlTail()).Problem);
        Assert.Null(FileSignatures.Inspect(SampleFiles.Gif(comment: "2024年全体会议 摄影")).Problem);
    }

    [Fact]
    public void A_pdf_with_javascript_or_without_its_end_is_refused()
    {
        Assert.Contains("脚本", FileSignatures.Inspect(SampleFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")).Problem);
        Assert.Contains("不完整", FileSignatures.Inspect(SampleFiles.Truncated(SampleFiles.Pdf(), 0.5)).Problem);
        Assert.Null(FileSignatures.Inspect(SampleFiles.Pdf("/Metadata /JSON ")).Problem);
    }

    [Fact]
    public void Word_and_excel_files_old_and_new_are_told_apart_by_their_container_directory()
    {
        Assert.Equal(MediaFormat.Docx, FileSignatures.Inspect(OfficeSamples.Docx()).Format);
        Assert.Equal(MediaFormat.Xlsx, FileSignatures.Inspect(OfficeSamples.Xlsx()).Format);
        Assert.Equal(MediaFormat.Doc, FileSignatures.Inspect(OfficeSamples.Doc()).Format);
        Assert.Equal(MediaFormat.Xls, FileSignatures.Inspect(OfficeSamples.Xls()).Format);
        Assert.All(new[] { OfficeSamples.Docx(), OfficeSamples.Xlsx(), OfficeSamples.Doc(), OfficeSamples.Xls() }, f => Assert.Null(FileSignatures.Inspect(f).Problem));

        // A compound file that is neither (a PowerPoint, an MSI installer) and a plain zip are not accepted.
        Assert.Null(FileSignatures.Inspect(OfficeSamples.CompoundFile("PowerPoint Document")).Format);
        Assert.Null(FileSignatures.Inspect("PK\u0003\u0004plain zip with readme.txt"u8.ToArray()).Format);
    }

    [Fact]
    public void Office_files_with_macros_or_a_password_or_cut_short_are_refused_with_the_reason()
    {
        foreach (var file in new[] { OfficeSamples.DocxWithMacros(), OfficeSamples.DocmRenamed(), OfficeSamples.DocWithMacros(), OfficeSamples.XlsWithMacros() })
        {
            var inspection = FileSignatures.Inspect(file);
            Assert.NotNull(inspection.Format);
            Assert.Contains("宏", inspection.Problem);
        }

        var encrypted = FileSignatures.Inspect(OfficeSamples.Encrypted());
        Assert.Null(encrypted.Format);
        Assert.Contains("密码", encrypted.Problem);

        // Cut inside the data sector, after the directory: the allocation table names a sector that is missing.
        Assert.Contains("不完整", FileSignatures.Inspect(SampleFiles.Truncated(OfficeSamples.Doc(), 0.85)).Problem);
        var docx = OfficeSamples.Docx();
        Assert.Contains("不完整", FileSignatures.Inspect(docx.AsSpan(..(docx.Length - 30))).Problem);
    }

    [Fact]
    public void The_frames_of_an_animation_are_counted()
    {
        var inspection = FileSignatures.Inspect(SampleFiles.GifFrameBomb(side: 100, frames: 7));
        Assert.Null(inspection.Problem);
        Assert.Equal(7, inspection.Frames);
    }

    [Fact]
    public void Store_keys_that_leave_the_media_folder_are_refused()
    {
        foreach (var key in new[] { "../x", "originals/../../etc/passwd", "/etc/passwd", "originals/ab/" + new string('a', 64) + "/../../x.jpg", "originals\\ab\\x" })
        {
            Assert.Throws<ArgumentException>(() => MediaKeys.Validate(key));
        }

        MediaKeys.Validate(MediaKeys.Original(new string('a', 64), MediaFormat.Png));
        MediaKeys.Validate(MediaKeys.Variant(new string('b', 64), "card", "webp"));
    }
}
