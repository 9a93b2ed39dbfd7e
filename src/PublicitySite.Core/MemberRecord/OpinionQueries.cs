using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.MemberPortal;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberRecord;

/// <summary>A member's 社情民意 as they follow it: the text they sent and the office's marking.</summary>
public sealed record OpinionView(long Id, string ContentItemId, string Title, DateOnly Date, string? Category, string? Adoption, string? Remark, bool Published)
{
    public string Situation { get; init; } = "";

    public string Suggestion { get; init; } = "";

    public bool Adopted => PortalOpinions.IsAdopted(Adoption);

    /// <summary>What the member's list shows: the level once marked, else that it waits.</summary>
    public string Status => Adoption ?? "待审核";
}

/// <summary>The portal's reads of 社情民意: only the acting member's own reports; anyone else's are not there.</summary>
public sealed class OpinionQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<OpinionView>> MineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await db.Set<PortalOpinion>().AsNoTracking().Where(o => o.Owner == actor.Name).OrderByDescending(o => o.SubmittedUtc).ToListAsync(cancellationToken);
        return await ViewsAsync(rows, cancellationToken);
    }

    public async Task<OpinionView?> DetailAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<PortalOpinion>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Owner == actor.Name, cancellationToken);
        return row is null ? null : await ViewsAsync([row], cancellationToken) is [var view, ..] ? view : null;
    }

    /// <summary>消息: the office adopted one of the member's reports (any level but 未采用) since they last opened it.</summary>
    public async Task<IReadOnlyList<PortalNotice>> NoticesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await db.Set<PortalOpinion>().AsNoTracking()
            .Where(o => o.Owner == actor.Name && o.MarkedUtc != null && o.Adoption != null && o.Adoption != PortalOpinions.NotAdopted)
            .ToListAsync(cancellationToken);
        return [.. rows.Where(o => o.SeenUtc is not { } seen || o.MarkedUtc > seen)
            .Select(o => new PortalNotice(o.Id, o.Title, $"社情民意被{(o.Adoption == DutyRules.Instructed ? "领导批示" : "采用：" + o.Adoption)}", o.MarkedUtc!.Value))];
    }

    private async Task<IReadOnlyList<OpinionView>> ViewsAsync(List<PortalOpinion> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var versions = await db.ContentItemVersions.AsNoTracking().Where(v => v.Latest && ids.Contains(v.ContentItemId))
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v.ContentItemId, v.Data, Published = i.PublishedVersion != null })
            .ToDictionaryAsync(v => v.ContentItemId, cancellationToken);
        var views = new List<OpinionView>();
        foreach (var row in rows)
        {
            if (!versions.TryGetValue(row.ContentItemId, out var v))
            {
                continue;
            }

            var data = ContentData.Parse(v.Data);
            string? Field(string name) => ContentData.GetString(data, PortalOpinions.Part, name) is { Length: > 0 } s ? s : null;
            var date = DateOnly.TryParseExact(Field("ReportDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : DateOnly.FromDateTime(SiteTime.ToLocal(row.SubmittedUtc).DateTime);
            views.Add(new OpinionView(row.Id, row.ContentItemId, row.Title, date, Field("Category"), Field("Adoption"), row.Remark, v.Published)
            {
                Situation = Field("Situation") ?? "",
                Suggestion = Field("Suggestion") ?? "",
            });
        }

        return views;
    }
}
