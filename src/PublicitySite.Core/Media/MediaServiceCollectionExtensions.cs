using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;

namespace PublicitySite.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Uploads, the image pipeline, variants, the library and usage tracking, configured from <c>Media</c>.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.TryAddSingleton<IMediaStore, LocalMediaStore>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<MediaVariants>();
        services.AddScoped<MediaUploader>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUsageTracker>();
        services.AddScoped<IContentChangeSink>(sp => sp.GetRequiredService<MediaUsageTracker>());
        return services;
    }
}
