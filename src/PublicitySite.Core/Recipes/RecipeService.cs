using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Users;

namespace PublicitySite.Recipes;

/// <summary>Applies a recipe: validates all of it first, then stores it in one transaction.</summary>
public sealed class RecipeService(AppDbContext db, SiteDefinitionStore definitions, UserService users, PublicitySite.Changes.INodeSignals nodes, TimeProvider clock)
{
    public async Task<SiteDefinition> ApplyFileAsync(string file, CancellationToken cancellationToken = default)
    {
        var current = await definitions.LoadAsync(db, cancellationToken);
        var next = RecipeLoader.LoadFile(file, current);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SiteDefinitionStore.StageAsync(db, next, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await users.EnsureRolesAsync(next.Roles);
        await transaction.CommitAsync(cancellationToken);
        definitions.Publish(next);
        await nodes.ChangedAsync(PublicitySite.Changes.SharedState.SiteDefinition, cancellationToken);
        return next;
    }

    public Task<bool> IsAppliedAsync(CancellationToken cancellationToken = default) =>
        db.Documents.AnyAsync(d => d.Key == SiteDefinitionStore.DocumentKey, cancellationToken);
}
