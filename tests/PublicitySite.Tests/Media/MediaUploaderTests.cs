using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Media;
using SixLabors.ImageSharp;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Media;

/// <summary>The upload pipeline at the service level: the bad-file corpus, metadata removal, storage by hash.</summary>
public sealed class MediaUploaderTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, Type, string> BadFiles => new()
    {
        { "bomb", "bomb.png", typeof(Failure.Invalid), "尺寸过大" },
        { "frame-bomb", "anim.gif", typeof(Failure.Invalid), "帧数过多" },
        { "truncated-jpeg", "cut.jpg", typeof(Failure.Invalid), "不完整" },
        { "truncated-png", "cut.png", typeof(Failure.Invalid), "不完整" },
        { "lying-signature", "photo.png", typeof(Failure.Invalid), "损坏" },
        { "html-gif-polyglot", "funny.gif", typeof(Failure.Invalid), "脚本" },
        { "jpeg-html-tail", "tail.jpg", typeof(Failure.Invalid), "脚本" },
        { "svg-script-as-png", "logo.png", typeof(Failure.Unsupported), "仅接受" },
        { "huge-dimensions", "wide.png", typeof(Failure.Invalid), "尺寸过大" },
        { "zero-bytes", "empty.jpg", typeof(Failure.Invalid), "为空" },
        { "pdf-javascript", "reply.pdf", typeof(Failure.Invalid), "脚本" },
        { "too-large", "big.jpg", typeof(Failure.TooLarge), "上限" },
    };

    public static byte[] Make(string name) => name switch
    {
        "bomb" => SampleFiles.PngBomb(),
        "frame-bomb" => SampleFiles.GifFrameBomb(),
        "truncated-jpeg" => SampleFiles.Truncated(SampleFiles.Jpeg()),
        "truncated-png" => SampleFiles.Truncated(SampleFiles.Png(300, 300)),
        "lying-signature" => SampleFiles.LyingSignature(),
        "html-gif-polyglot" => SampleFiles.HtmlGifPolyglot(),
        "jpeg-html-tail" => SampleFiles.JpegWithHtmlTail(),
        "svg-script-as-png" => SampleFiles.SvgWithScript(),
        "huge-dimensions" => SampleFiles.PngBomb(13_000, 10),
        "zero-bytes" => [],
        "pdf-javascript" => SampleFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
        "too-large" => [.. SampleFiles.Jpeg(), .. new byte[2 * 1024 * 1024]],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_file_is_refused_quickly_with_a_reason(string kind, string fileName, Type expected, string reason)
    {
        await using var host = await MediaTestHost.StartAsync(settings: new() { ["Media:MaxFileBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await host.UploadAsync(SampleFiles.Jpeg(32, 32)); // warm the decoders so the timing below is the file's own
        var file = Make(kind);
        var clock = Stopwatch.StartNew();
        var result = await host.UploadAsync(file, fileName);
        clock.Stop();
        output.WriteLine($"{kind}: {result.Failure?.GetType().Name} {result.Failure?.Detail} in {clock.Elapsed.TotalMilliseconds:0.0} ms");

        Assert.False(result.Succeeded);
        Assert.IsType(expected, result.Failure);
        Assert.Contains(reason, result.Failure!.Detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{kind} took {clock.ElapsedMilliseconds} ms"); // no hang on a hostile file, whatever the machine's load
        Assert.Single(Directory.GetFiles(host.Paths.MediaDir, "*", SearchOption.AllDirectories)); // only the warm-up image
    }

    [Fact]
    public async Task Gps_and_other_exif_are_gone_and_the_orientation_is_applied()
    {
        await using var host = await MediaTestHost.StartAsync();
        var photo = SampleFiles.Jpeg(400, 300, withGps: true, orientation: 6);
        Assert.NotNull(Image.Identify(photo).Metadata.ExifProfile); // the upload really carries GPS

        var result = await host.UploadAsync(photo);

        var asset = result.Value!;
        var stored = await File.ReadAllBytesAsync(Directory.GetFiles(host.Paths.MediaDir, "*.jpg", SearchOption.AllDirectories).Single());
        var info = Image.Identify(stored);
        Assert.Null(info.Metadata.ExifProfile);
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(stored));
        Assert.DoesNotContain("PhoneMaker", Encoding.ASCII.GetString(stored));
        Assert.Equal((300, 400), (info.Width, info.Height)); // orientation 6 = rotated a quarter turn
        Assert.Equal((300, 400), (asset.Width, asset.Height));
    }

    [Fact]
    public async Task Images_are_stored_by_content_hash_and_names_never_become_paths()
    {
        await using var host = await MediaTestHost.StartAsync();
        var names = new[] { "../../etc/passwd.jpg", "..\\..\\windows\\win.ini.jpg", "<script>alert(1)</script>.jpg", "", "会议/../../现场.jpg" };
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var result = await host.UploadAsync(SampleFiles.Jpeg(50 + i, 40), name);
            Assert.True(result.Succeeded, result.Failure?.Detail);
            Assert.DoesNotContain("..", result.Value!.FileName);
            Assert.DoesNotContain("/", result.Value.FileName);
            Assert.DoesNotContain("<", result.Value.FileName);
            Assert.EndsWith(".jpg", result.Value.FileName);
        }

        var files = Directory.GetFiles(host.Paths.DataDir, "*", SearchOption.AllDirectories).Where(f => f.StartsWith(host.Paths.MediaDir, StringComparison.Ordinal)).ToList();
        Assert.Equal(names.Length, files.Count);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}\\.jpg$", Path.GetFileName(f)));
        Assert.False(File.Exists(Path.Combine(host.Paths.DataDir, "..", "etc", "passwd.jpg")));
    }

    [Fact]
    public async Task Each_accepted_image_format_is_stored_in_its_own_format_and_variants_are_webp_and_jpeg()
    {
        await using var host = await MediaTestHost.StartAsync();
        var variants = host.Services.GetRequiredService<MediaVariants>();
        foreach (var (file, format) in new[] { (SampleFiles.Png(), MediaFormat.Png), (SampleFiles.Webp(), MediaFormat.Webp), (SampleFiles.Gif(), MediaFormat.Gif) })
        {
            var result = await host.UploadAsync(file, "image.bin");
            Assert.True(result.Succeeded, result.Failure?.Detail);
            Assert.Equal(format, result.Value!.Format);
            Assert.EndsWith("." + format.Extension(), result.Value.FileName);
            var key = await variants.GetOrCreateAsync(result.Value, variants.Profiles[0], webp: false);
            Assert.EndsWith(".jpg", key);
        }

        Assert.Contains("不完整", FileSignatures.Inspect(SampleFiles.Truncated(SampleFiles.Webp(300, 300))).Problem);
    }

    [Fact]
    public async Task Alt_text_is_required_for_images_but_not_for_documents()
    {
        await using var host = await MediaTestHost.StartAsync();
        var image = await host.UploadAsync(SampleFiles.Png(), "a.png", alt: "  ");
        var pdf = await host.UploadAsync(SampleFiles.Pdf(), "提案答复.pdf", alt: null);

        Assert.Contains("替代文字", Assert.IsType<Failure.Invalid>(image.Failure).Detail);
        Assert.True(pdf.Succeeded);
        Assert.Equal(MediaFormat.Pdf, pdf.Value!.Format);
        Assert.Equal("提案答复.pdf", pdf.Value.FileName);
    }

    [Fact]
    public async Task Replacing_a_file_keeps_the_id_and_changes_the_hash()
    {
        await using var host = await MediaTestHost.StartAsync();
        var first = (await host.UploadAsync(SampleFiles.Jpeg(400, 300))).Value!;

        var replaced = await host.RunAsync<MediaUploader, Result<MediaAsset>>(u => u.ReplaceAsync(first.Id, new MemoryStream(SampleFiles.Jpeg(300, 400)), "new.jpg"));
        var wrongKind = await host.RunAsync<MediaUploader, Result<MediaAsset>>(u => u.ReplaceAsync(first.Id, new MemoryStream(SampleFiles.Pdf()), "x.pdf"));

        Assert.Equal(first.Id, replaced.Value!.Id);
        Assert.Empty(Directory.GetFiles(host.Paths.MediaDir, first.Hash + ".*", SearchOption.AllDirectories)); // the old picture is gone
        Assert.NotEqual(first.Hash, replaced.Value.Hash);
        Assert.NotEqual(MediaUrls.Original(first), MediaUrls.Original(replaced.Value));
        Assert.IsType<Failure.Invalid>(wrongKind.Failure);
    }

    [Fact]
    public async Task Variants_are_made_once_at_their_profile_size_and_crops_keep_the_box()
    {
        await using var host = await MediaTestHost.StartAsync();
        var asset = (await host.UploadAsync(SampleFiles.Jpeg(1200, 800))).Value!;
        var variants = host.Services.GetRequiredService<MediaVariants>();
        var store = host.Services.GetRequiredService<IMediaStore>();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value;

        var card = await variants.GetOrCreateAsync(asset, options.FindProfile("card")!, webp: true);
        var path = Directory.GetFiles(host.Paths.MediaDir, "card.webp", SearchOption.AllDirectories).Single();
        var written = File.GetLastWriteTimeUtc(path);
        await Task.Delay(20);
        var again = await variants.GetOrCreateAsync(asset, options.FindProfile("card")!, webp: true);
        var portrait = await variants.GetOrCreateAsync(asset, options.FindProfile("portrait")!, webp: false);

        Assert.Equal(card, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        await using (var stream = (await store.OpenReadAsync(card!, default))!)
        {
            var info = await Image.IdentifyAsync(stream);
            Assert.Equal((640, 427), (info.Width, info.Height));
        }

        await using (var stream = (await store.OpenReadAsync(portrait!, default))!)
        {
            var info = await Image.IdentifyAsync(stream);
            Assert.Equal((360, 480), (info.Width, info.Height));
        }
    }
}
