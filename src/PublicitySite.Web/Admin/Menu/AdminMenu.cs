using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicitySite.Web.Admin.Menu;

/// <summary>One link of the admin menu, contributed by the feature it leads to.</summary>
/// <param name="Group">One of <see cref="AdminMenu.Groups"/>.</param>
/// <param name="Visible">Whether the signed-in user may use the page (the page checks again).</param>
internal sealed record AdminMenuEntry(string Group, string Label, string Url, Func<AdminPage, bool> Visible, int Order = 0);

/// <summary>
/// The admin menu, built from the entries features register with <see cref="AdminMenuExtensions.AddAdminMenuEntry"/>:
/// grouped (内容, 审核, 提案, 委员, 文史, 媒体, 系统) so the bar stays one line; a group with one link shows the link.
/// </summary>
internal sealed class AdminMenu(IEnumerable<AdminMenuEntry> entries)
{
    public static readonly IReadOnlyList<string> Groups = ["内容", "审核", "提案", "委员", "文史", "媒体", "系统"];

    private readonly AdminMenuEntry[] all = [.. entries];

    /// <summary>The groups the user has at least one link in, in menu order, with their links.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<AdminMenuEntry> Links)> For(AdminPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. all.Where(e => e.Visible(page))
            .GroupBy(e => e.Group)
            .OrderBy(g => Order(g.Key))
            .Select(g => (g.Key, (IReadOnlyList<AdminMenuEntry>)[.. g.OrderBy(e => e.Order)]))];
    }

    /// <summary>The group holding the page at <paramref name="path"/>, marked as current in the bar.</summary>
    public static bool Holds(IReadOnlyList<AdminMenuEntry> links, string path) =>
        links.Any(l => path == l.Url || (l.Url != "/admin" && path.StartsWith(l.Url + "/", StringComparison.Ordinal)));

    private static int Order(string group)
    {
        var index = Groups.ToList().IndexOf(group);
        return index < 0 ? Groups.Count : index;
    }
}

internal static class AdminMenuExtensions
{
    /// <summary>Adds a link to the admin menu; the features call it from their Add… methods.</summary>
    public static IServiceCollection AddAdminMenuEntry(this IServiceCollection services, string group, string label, string url, Func<AdminPage, bool> visible, int order = 0)
    {
        if (!AdminMenu.Groups.Contains(group))
        {
            throw new ArgumentException($"Unknown admin menu group {group}", nameof(group));
        }

        services.AddSingleton(new AdminMenuEntry(group, label, url, visible, order));
        services.TryAddSingleton<AdminMenu>();
        return services;
    }
}
