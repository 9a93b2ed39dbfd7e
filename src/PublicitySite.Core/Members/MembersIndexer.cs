using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Members;

/// <summary>
/// Keeps <see cref="MemberIndexEntry"/> and <see cref="MemberLink"/> in step with published content. Runs after
/// each commit; only the published version counts, so a draft never shows up on a profile.
/// </summary>
public sealed class MembersIndexer(AppDbContext db) : IContentIndexSink
{
    public const string MemberType = "Member";
    public const string NewsType = "News";
    public const string ProposalType = "Proposal";
    public const string OpinionType = "SocialOpinion";

    private static readonly HashSet<string> Types = [MemberType, NewsType, ProposalType, OpinionType];

    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (!Types.Contains(change.ContentType) || change.Kind == ContentChangeKind.Saved)
        {
            return;
        }

        await ReindexAsync([change], cancellationToken);
    }

    /// <summary>
    /// An item's rows are rebuilt from what it is now, so only its last change counts: one removal and one read
    /// for the whole batch instead of one per change.
    /// </summary>
    public async ValueTask OnBatchAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        var last = changes.Where(c => Types.Contains(c.ContentType) && c.Kind != ContentChangeKind.Saved)
            .GroupBy(c => c.ContentItemId)
            .Select(g => g.Last())
            .ToList();
        if (last.Count > 0)
        {
            await ReindexAsync(last, cancellationToken);
        }
    }

    private async Task ReindexAsync(List<ContentChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Select(c => c.ContentItemId).ToList();
        await db.Set<MemberIndexEntry>().Where(e => ids.Contains(e.ContentItemId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<MemberLink>().Where(e => ids.Contains(e.SourceItemId)).ExecuteDeleteAsync(cancellationToken);
        var published = changes.Where(c => c.Kind == ContentChangeKind.Published).Select(c => c.ContentItemId).ToList();
        if (published.Count > 0)
        {
            var rows = await db.ContentItemVersions.AsNoTracking()
                .Where(v => published.Contains(v.ContentItemId) && v.Published)
                .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
                .ToListAsync(cancellationToken);
            // In the order of the changes, so rows are written in the order one change at a time wrote them.
            foreach (var row in rows.OrderBy(r => published.IndexOf(r.i.Id)))
            {
                Add(row.i, row.v);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Rebuilds both tables from the database (after a restore, or on a database made before this feature).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await db.Set<MemberIndexEntry>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<MemberLink>().ExecuteDeleteAsync(cancellationToken);
        var rows = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && Types.Contains(v.ContentType))
            .Join(db.ContentItems.AsNoTracking().Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => new { v, i })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            Add(row.i, row.v);
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    private void Add(ContentItem item, ContentItemVersion version)
    {
        var data = ContentData.Parse(version.Data);
        var path = item.Path is null ? $"/content/{item.Id}" : "/" + item.Path;
        switch (version.ContentType)
        {
            case MemberType:
                db.Set<MemberIndexEntry>().Add(new MemberIndexEntry
                {
                    ContentItemId = item.Id,
                    Name = version.Title,
                    SortKey = PinyinOrder.SortKey(version.Title),
                    Initial = PinyinOrder.Initial(version.Title).ToString(),
                    Term = Text(data, "Term"),
                    Sector = Text(data, "Sector"),
                    Party = Text(data, "Party"),
                    Posts = string.Join("、", ContentData.GetList(data, "MemberPart", "Posts")),
                    WorkUnit = Text(data, "WorkUnit"),
                    JobTitle = Text(data, "JobTitle"),
                    Photo = Text(data, "Photo"),
                    Path = path,
                    Sample = ContentData.GetBool(data, BuiltInParts.Sample, "Sample"),
                });
                break;
            case NewsType:
                foreach (var member in ContentData.GetList(data, "NewsPart", "Members").Distinct())
                {
                    Link(item, version, path, MemberLink.IdKey(member), null, version.Column);
                }

                break;
            case OpinionType:
                var adoption = ContentData.GetString(data, "SocialOpinionPart", "Adoption");
                foreach (var member in ContentData.GetList(data, "SocialOpinionPart", "Reporters").Distinct())
                {
                    Link(item, version, path, MemberLink.IdKey(member), null, adoption);
                }

                break;
            case ProposalType:
                // A proposer who refused publication keeps the proposal off every public page, this one included.
                if (ContentData.Get(data, "ProposalPart", "Public") is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False)
                {
                    break;
                }

                var proposers = ContentData.GetList(data, "ProposalPart", "Proposers").Distinct().ToList();
                var note = ProposalNote(data);
                for (var i = 0; i < proposers.Count; i++)
                {
                    Link(item, version, path, MemberLink.NameKey(proposers[i]), i == 0 ? "领衔" : "联名", note);
                }

                break;
        }
    }

    private void Link(ContentItem item, ContentItemVersion version, string path, string key, string? role, string? note) =>
        db.Set<MemberLink>().Add(new MemberLink
        {
            SourceItemId = item.Id,
            MemberKey = key,
            SourceType = version.ContentType,
            Role = role,
            Title = version.Title,
            Path = path,
            PublishedUtc = version.PublishedUtc,
            Note = note is { Length: > 200 } ? note[..200] : note,
        });

    private static string? Text(JsonObject data, string field) => ContentData.GetString(data, "MemberPart", field) is { Length: > 0 } s ? s : null;

    /// <summary>第五届第二次会议第0012号 · 办理中</summary>
    private static string? ProposalNote(JsonObject data)
    {
        static int? Number(JsonObject d, string f) =>
            ContentData.Get(d, "ProposalPart", f) is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? (int)n : null;

        var parts = new List<string>();
        if (Number(data, "Term") is { } term && Number(data, "Meeting") is { } meeting && Number(data, "Seq") is { } seq)
        {
            parts.Add($"第{ChineseNumerals.Format(term)}届第{ChineseNumerals.Format(meeting)}次会议第{seq.ToString("D4", CultureInfo.InvariantCulture)}号");
        }

        if (ContentData.Get(data, "ProposalPart", "Timeline") is JsonArray { Count: > 0 } timeline
            && timeline[^1] is JsonObject last && last["Status"]?.ToString() is { Length: > 0 } status)
        {
            parts.Add(status);
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
