using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicitySite.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>E-mail notices: options from <c>Smtp</c>, the outbox, the MailKit transport.</summary>
    public static IServiceCollection AddMailCore(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<MailOutbox>();
        return services;
    }
}
