using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicitySite;
using PublicitySite.Media;
using PublicitySite.Setup;
using PublicitySite.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

// Upload-and-process rate for a batch of phone-sized photos, then the time to make each variant profile.
//   dotnet run -c Release --project bench/Media -- [count] [width] [height]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12;
var width = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4000;
var height = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3000;

var root = FindRoot();
var dataDir = Path.Combine(Path.GetTempPath(), "publicity-bench-media-" + Guid.NewGuid().ToString("N")[..8]);
var paths = new SitePaths(dataDir, Path.Combine(root, "recipes", "publicity.recipe.json"), Path.Combine(root, "content-seed"), Path.Combine(root, "themes"));
var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
services.AddSingleton(paths);
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
services.AddStorage(DatabaseProvider.Sqlite, null, paths);
services.AddPublicityCore();
services.AddMedia();
await using var provider = services.BuildServiceProvider();
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SiteInitializer>().InitializeAsync("bench-password-1", importSeed: false);
}

Console.WriteLine($"Making {count} photos of {width}×{height} (JPEG q90 with EXIF GPS)…");
var photos = Enumerable.Range(0, count).Select(i => Photo(width, height, i)).ToList();
Console.WriteLine($"Average photo: {photos.Average(p => p.Length) / 1024 / 1024:0.0} MB. Processor count: {Environment.ProcessorCount}.");

// One warm-up upload so the JIT is not counted.
await UploadAsync(Photo(64, 48, 99));
var assets = new List<MediaAsset>();
var clock = Stopwatch.StartNew();
var each = new List<double>();
foreach (var photo in photos)
{
    var one = Stopwatch.StartNew();
    assets.Add(await UploadAsync(photo));
    each.Add(one.Elapsed.TotalMilliseconds);
}

clock.Stop();
Console.WriteLine();
Console.WriteLine($"Upload and process (sniff, identify, decode, auto-orient, strip metadata, re-encode, hash, store, insert):");
Console.WriteLine($"  {count} photos in {clock.Elapsed.TotalSeconds:0.00} s = {count / clock.Elapsed.TotalSeconds:0.00} photos/s, " +
    $"{photos.Sum(p => (double)p.Length) / 1024 / 1024 / clock.Elapsed.TotalSeconds:0.0} MB/s; per photo median {Median(each):0} ms, max {each.Max():0} ms");

var variants = provider.GetRequiredService<MediaVariants>();
Console.WriteLine();
Console.WriteLine("Variant generation per profile (first request: read source, decode, resize, encode, store).");
Console.WriteLine("The first variant of each photo also makes its reduced source copy (thumb webp below includes that).");
Console.WriteLine("  profile          size        webp median   jpeg median   cached hit");
foreach (var profile in provider.GetRequiredService<IOptions<MediaOptions>>().Value.EffectiveProfiles)
{
    var webp = new List<double>();
    var jpeg = new List<double>();
    foreach (var asset in assets)
    {
        var w = Stopwatch.StartNew();
        await variants.GetOrCreateAsync(asset, profile, webp: true);
        webp.Add(w.Elapsed.TotalMilliseconds);
        var j = Stopwatch.StartNew();
        await variants.GetOrCreateAsync(asset, profile, webp: false);
        jpeg.Add(j.Elapsed.TotalMilliseconds);
    }

    var hit = Stopwatch.StartNew();
    await variants.GetOrCreateAsync(assets[0], profile, webp: true);
    var size = profile.Crop ? $"{profile.Width}×{profile.Height}" : $"{profile.Width}w";
    Console.WriteLine($"  {profile.Name,-16} {size,-11} {Median(webp),8:0} ms   {Median(jpeg),8:0} ms   {hit.Elapsed.TotalMilliseconds,6:0.00} ms");
}

Directory.Delete(dataDir, recursive: true);
return 0;

async Task<MediaAsset> UploadAsync(byte[] photo)
{
    await using var scope = provider.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<MediaUploader>()
        .UploadAsync(PublicitySite.Workflow.Actor.CommandLine, new MemoryStream(photo), new MediaUpload("photo.jpg", "基准测试照片"));
    return result.Value ?? throw new InvalidOperationException(result.Failure!.Detail);
}

static byte[] Photo(int width, int height, int seed)
{
    using var image = new Image<Rgb24>(width, height);
    var random = new Random(seed);
    image.ProcessPixelRows(rows =>
    {
        for (var y = 0; y < rows.Height; y++)
        {
            var row = rows.GetRowSpan(y);
            for (var x = 0; x < row.Length; x++)
            {
                // Smooth shapes plus grain, closer to a photo than flat colour (which compresses unrealistically well).
                row[x] = new Rgb24((byte)(((x * 255 / width) ^ seed) + random.Next(0, 30)), (byte)((y * 255 / height) + random.Next(0, 30)), (byte)(128 + 60 * Math.Sin((x + y + seed) / 40.0) + random.Next(-40, 40)));
            }
        }
    });
    var exif = new ExifProfile();
    exif.SetValue(ExifTag.Orientation, (ushort)1);
    exif.SetValue(ExifTag.GPSLatitudeRef, "N");
    exif.SetValue(ExifTag.GPSLatitude, [new Rational(39, 1), new Rational(54, 1), new Rational(2736, 100)]);
    image.Metadata.ExifProfile = exif;
    using var output = new MemoryStream();
    image.Save(output, new JpegEncoder { Quality = 90 });
    return output.ToArray();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
