using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicitySite.Mail;

internal static class MailServiceCollectionExtensions
{
    /// <summary>
    /// E-mail notices: the outbox and the MailKit transport. The options are bound to <c>Smtp</c> by the web host
    /// (<c>AddMailNotices</c>), as media's are, so Core runs without a configuration too (tests, tools).
    /// </summary>
    public static IServiceCollection AddMailCore(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<MailOutbox>();
        return services;
    }
}
