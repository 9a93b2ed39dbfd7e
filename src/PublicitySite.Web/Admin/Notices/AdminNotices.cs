using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicitySite.Web.Admin.Notices;

/// <summary>Something an administrator should look at, with where to look.</summary>
public sealed record AdminNotice(string Text, string Link, string LinkText);

/// <summary>A feature's own notices (sign-in attacks, paused webhooks, …) for the page's signed-in user.</summary>
public interface IAdminNoticeSource
{
    Task<IReadOnlyList<AdminNotice>> ReadAsync(AdminPage page, CancellationToken cancellationToken);
}

/// <summary>
/// 系统提醒 on 我的待办: every registered source's notices for the user, so what goes wrong while nobody
/// watches the logs reaches the office the next time someone opens the admin.
/// </summary>
public sealed class AdminNotices(IEnumerable<IAdminNoticeSource> sources)
{
    public async Task<IReadOnlyList<AdminNotice>> ReadAsync(AdminPage page, CancellationToken cancellationToken)
    {
        var all = new List<AdminNotice>();
        foreach (var source in sources)
        {
            all.AddRange(await source.ReadAsync(page, cancellationToken));
        }

        return all;
    }
}

internal static class AdminNoticeExtensions
{
    /// <summary>Adds a source of 系统提醒; the features call it from their Add… methods.</summary>
    public static IServiceCollection AddAdminNotices<TSource>(this IServiceCollection services)
        where TSource : class, IAdminNoticeSource
    {
        services.AddScoped<IAdminNoticeSource, TSource>();
        services.TryAddScoped<AdminNotices>();
        return services;
    }
}
