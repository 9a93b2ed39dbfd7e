using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;

namespace PublicitySite.Audit;

/// <summary>Filters for reading the trail; every one optional.</summary>
public sealed record AuditFilter
{
    public string? Actor { get; init; }

    public string? Action { get; init; }

    public string? Target { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>
/// Writes and reads the audit trail. <see cref="Stage"/> adds a line to the caller's unit of work so the line
/// commits with the change it describes (or not at all); <see cref="WriteAsync"/> commits on its own.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public AuditEntry Stage(string actor, string action, string? target = null, string? detail = null, int? version = null, string? contentHash = null, string? address = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Clip(actor, 256)!,
            Action = action,
            Target = Clip(target, 256),
            Detail = Clip(detail, 2000),
            Version = version,
            ContentHash = contentHash,
            Address = Clip(address, 64),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public async Task WriteAsync(string actor, string action, string? target = null, string? detail = null, int? version = null, string? contentHash = null, string? address = null, CancellationToken cancellationToken = default)
    {
        Stage(actor, action, target, detail, version, contentHash, address);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(int Total, IReadOnlyList<AuditEntry> Items)> QueryAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            rows = rows.Where(r => r.Actor == filter.Actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            rows = rows.Where(r => r.Action.StartsWith(filter.Action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            rows = rows.Where(r => r.Target == filter.Target);
        }

        if (filter.FromUtc is { } from)
        {
            rows = rows.Where(r => r.AtUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            rows = rows.Where(r => r.AtUtc < to);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var items = await rows.OrderByDescending(r => r.Id).Skip(PublicitySite.Commands.Paging.Offset(page, filter.PageSize)).Take(filter.PageSize).ToListAsync(cancellationToken);
        return (total, items);
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
