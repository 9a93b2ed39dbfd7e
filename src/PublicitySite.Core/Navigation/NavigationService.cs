using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Settings;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Navigation;

/// <summary>
/// The one way to change the main menu, the footer links and the 友情链接. The recipe's <c>navigation</c> seeds
/// them; an administrator's menus are one stored document (<c>navigation</c>) and win menu by menu. A change
/// needs the settings permission, commits with a <c>site.menu</c> audit line, and then tells the settings
/// sinks, so every cached page (each shows the menus) is evicted and other nodes reload.
/// </summary>
public sealed class NavigationService(
    AppDbContext db,
    SiteDefinitionStore definitions,
    NavigationCache cache,
    IEnumerable<ISiteSettingsChangeSink> sinks,
    TimeProvider clock)
{
    public const string DocumentKey = "navigation";

    /// <summary>The menus as the public sees them (stored over the recipe's); from memory after the first read.</summary>
    public async Task<SiteNavigation> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.Stored is not { } stored)
        {
            var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
            stored = new NavigationCache.Entry(document is null ? null : Parse(document.Json));
            cache.Set(stored);
        }

        return (stored.Navigation ?? SiteNavigation.Empty).Over(definitions.Current.Navigation);
    }

    /// <summary>Why a role without settings.manage may neither see nor save the menus, on the page and from the command.</summary>
    public const string Refusal = "您的角色无权修改网站导航（仅管理员可操作）";

    /// <summary>Replaces one menu's links; the menus as the public now sees them, or why nothing changed.</summary>
    public async Task<Result<SiteNavigation>> UpdateAsync(Actor actor, string menu, IReadOnlyList<NavigationLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(links);
        var site = definitions.Current;
        if (!new WorkflowPolicy(site).Has(actor, Permissions.ManageSettings))
        {
            return new Failure.Forbidden(Refusal);
        }

        var clean = links.Select(l => l with { Label = l.Label.Trim(), Target = l.Target.Trim(), Group = string.IsNullOrWhiteSpace(l.Group) ? null : l.Group.Trim() }).ToList();
        if (menu != SiteNavigation.FriendsMenu)
        {
            clean = clean.Select(l => l with { Group = null }).ToList();
        }

        var errors = NavigationRules.Check(menu, clean, site);
        if (errors.Count > 0)
        {
            return new Failure.Invalid([.. errors.Select(e => new FieldError("links", e))]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        var stored = (document is null ? null : Parse(document.Json)) ?? SiteNavigation.Empty;
        var json = JsonSerializer.Serialize(stored.With(menu, clean), StorageJson.Options);
        if (document is null)
        {
            db.Documents.Add(new StoredDocument { Key = DocumentKey, Json = json, UpdatedUtc = now });
        }
        else
        {
            document.Json = json;
            document.UpdatedUtc = now;
        }

        var detail = $"{SiteNavigation.MenuLabel(menu)}：" + (clean.Count == 0 ? "清空" : string.Join("、", clean.Select(l => l.LabelIn(site))));
        new AuditLog(db, clock).Stage(actor.Name, AuditActions.MenuChanged, menu, detail.Length > 1900 ? detail[..1900] : detail, address: actor.Address);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (StorageErrors.IsUniqueViolation(e))
        {
            return new Failure.Conflict("导航刚被他人修改，请刷新后重试");
        }

        cache.Clear();
        foreach (var sink in sinks)
        {
            await sink.OnSettingsChangedAsync(cancellationToken);
        }

        return await GetAsync(cancellationToken);
    }

    private static SiteNavigation? Parse(string json) => JsonSerializer.Deserialize<SiteNavigation>(json, StorageJson.Options);
}

/// <summary>This node's copy of the stored menus (or of their absence), replaced whole on every change.</summary>
public sealed class NavigationCache
{
    private Entry? stored;

    public Entry? Stored => Volatile.Read(ref stored);

    public void Set(Entry value) => Volatile.Write(ref stored, value);

    public void Clear() => Volatile.Write(ref stored, null);

    public sealed record Entry(SiteNavigation? Navigation);
}

