using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;

namespace PublicitySite.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Uploads, the image pipeline, variants, the library and usage tracking, configured from <c>Media</c>.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxSide > 0 && o.MaxMegapixels > 0 && o.DecoderMemoryMegabytes > 0, "Media limits must be positive.")
            .Validate(o => o.EffectiveProfiles.All(p => p.Width is > 0 and <= 4096 && p.Height is null or (> 0 and <= 4096) && MediaKeys.IsProfileName(p.Name)), "Media profiles need a name of a-z, 0-9 and '-' and a width (and height) of 1 to 4096.")
            .ValidateOnStart();
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
