using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Media;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Media;

/// <summary>The core services plus media, with media settings of the test's choosing.</summary>
public static class MediaTestHost
{
    public static Task<CoreHost> StartAsync(Db db = Db.Sqlite, Dictionary<string, string?>? settings = null) =>
        CoreHost.StartAsync(db, configure: services =>
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
            services.AddMedia();
        });

    public static Task<Result<MediaAsset>> UploadAsync(this CoreHost host, byte[] file, string fileName = "photo.jpg", string? alt = "会议现场", string? folder = null, IReadOnlyList<string>? tags = null, string? caption = null) =>
        host.RunAsync<MediaUploader, Result<MediaAsset>>(u => u.UploadAsync(new Actor("editor1", "Editor"), new MemoryStream(file), new MediaUpload(fileName, alt, caption, "摄影：李明", folder, tags)));
}
