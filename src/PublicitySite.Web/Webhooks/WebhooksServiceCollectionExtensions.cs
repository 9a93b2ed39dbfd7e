using PublicitySite.Contents;
using PublicitySite.Webhooks;
using PublicitySite.Web.Admin.Menu;
using PublicitySite.Web.Admin.Notices;

namespace PublicitySite.Web.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddHttpClient<WebhookSender>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<IContentChangeSink>(sp => sp.GetRequiredService<WebhookSignal>());
        services.AddHostedService<WebhookDispatcher>();
        services.AddAdminNotices<PausedWebhookNotices>();
        services.AddAdminMenuEntry("系统", "Webhook", "/admin/webhooks", p => p.Can(Contents.Definitions.Permissions.ManageSettings), 6);
        return services;
    }
}
