using PublicitySite.Mail;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.Mail;

internal static class MailNoticesServiceCollectionExtensions
{
    /// <summary>E-mail notices: the background sender and the office's 邮件通知 page.</summary>
    public static IServiceCollection AddMailNotices(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddHostedService<MailDispatcher>();
        services.AddAdminMenuEntry("系统", "邮件通知", "/admin/mail", p => p.Can(Contents.Definitions.Permissions.RecordProposals) || p.Can(Contents.Definitions.Permissions.ManageUsers), 6);
        return services;
    }
}
