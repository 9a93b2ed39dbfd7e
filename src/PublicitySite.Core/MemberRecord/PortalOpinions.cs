using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberPortal;
using PublicitySite.Members;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberRecord;

/// <summary>What a member types for a 社情民意: title, 基本情况, 意见建议 and the category.</summary>
public sealed record OpinionInput(string? Title, string? Situation, string? Suggestion, string? Category);

/// <summary>
/// 社情民意 from 委员之家 and their adoption. The only way these change: a member reports one (it becomes a
/// SocialOpinion draft naming them as 反映人, for the office to review and publish as usual), and the office marks
/// its adoption level with an optional 批示 (a new version of the item with that level, and the member's 消息).
/// Each command checks its recipe permission and writes its audit line in the same commit.
/// </summary>
public sealed class PortalOpinions(
    AppDbContext db,
    CommandAccess access,
    MemberAccounts accounts,
    ContentManager contents,
    SiteDefinitionStore definitions,
    AuditLog audit,
    TimeProvider clock)
{
    public const string Part = "SocialOpinionPart";
    public const string NotAdopted = "未采用";
    public const int MaxTitle = 300;
    public const int MaxText = 20000;
    public const int MaxRemark = 1000;

    public IReadOnlyList<string> Categories => Options("Category");

    /// <summary>The recipe's 采用级别 (未采用, 市政协采用 … 领导批示).</summary>
    public IReadOnlyList<string> Levels => Options("Adoption");

    /// <summary>Whether a level counts as adopted (anything but 未采用).</summary>
    public static bool IsAdopted(string? level) => !string.IsNullOrEmpty(level) && level != NotAdopted;

    public async Task<Result<PortalOpinion>> SubmitAsync(Actor actor, OpinionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (access.Check(actor, Permissions.SubmitOpinions) is { } denied)
        {
            return denied;
        }

        if (await accounts.OfAsync(actor.Name, cancellationToken) is not { } me)
        {
            return new Failure.Forbidden(MemberRecordTexts.NoProfile);
        }

        if (Check(input) is { } invalid)
        {
            return invalid;
        }

        var title = input.Title!.Trim();
        var values = new JsonObject
        {
            ["title"] = title,
            ["Situation"] = input.Situation!.Trim(),
            ["Suggestion"] = input.Suggestion!.Trim(),
            ["Reporters"] = new JsonArray(me.MemberId),
            ["ReportDate"] = ProposalDates.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(input.Category))
        {
            values["Category"] = input.Category.Trim();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await contents.CreateAsync(SocialOpinions.Type, values, actor.Name, cancellationToken: cancellationToken);
        if (created.Failure is { } notCreated)
        {
            return new Failure.Invalid("body", notCreated.Detail);
        }

        var row = new PortalOpinion
        {
            Owner = actor.Name,
            MemberId = me.MemberId,
            ContentItemId = created.Value!.ContentItemId,
            Title = title,
            SubmittedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<PortalOpinion>().Add(row);
        audit.Stage(actor.Name, AuditActions.OpinionReported, created.Value.ContentItemId, title, address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// The office marks a 社情民意's adoption level (and a 批示 or remark): a new version of the item carries the
    /// level; a member's report also records when, which brings it to their 消息.
    /// </summary>
    public async Task<Result<string>> MarkAdoptionAsync(Actor actor, string contentItemId, string? level, string? remark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.AdoptOpinions) is { } denied)
        {
            return denied;
        }

        level = level?.Trim();
        if (string.IsNullOrEmpty(level) || !Levels.Contains(level))
        {
            return new Failure.Invalid("level", $"请选择采用级别：{string.Join("、", Levels)}");
        }

        remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (remark is { Length: > MaxRemark })
        {
            return new Failure.Invalid("remark", $"批示或说明不能超过 {MaxRemark} 字");
        }

        var latest = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == contentItemId && v.Latest && v.ContentType == SocialOpinions.Type)
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, i) => v)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return new Failure.NotFound(MemberRecordTexts.OpinionMissing);
        }

        var values = new JsonObject();
        foreach (var (_, part) in ContentData.Parse(latest.Data))
        {
            if (part is JsonObject fields)
            {
                foreach (var (field, value) in fields)
                {
                    values[field] = value?.DeepClone();
                }
            }
        }

        values["Adoption"] = level;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await contents.UpdateAsync(contentItemId, latest.Number, values, actor.Name, cancellationToken);
        if (saved.Failure is { } failure)
        {
            return failure is Failure.Conflict
                ? new Failure.Conflict(failure.Detail)
                : new Failure.Invalid("level", failure.Detail);
        }

        if (await db.Set<PortalOpinion>().FirstOrDefaultAsync(o => o.ContentItemId == contentItemId, cancellationToken) is { } row)
        {
            row.Adoption = level;
            row.Remark = remark;
            row.MarkedUtc = clock.GetUtcNow().UtcDateTime;
        }

        audit.Stage(actor.Name, AuditActions.OpinionAdoption, contentItemId, $"{latest.Title}：{level}{(remark is null ? "" : "（" + remark + "）")}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        return level;
    }

    /// <summary>The member opened their report: its marking is no longer news. Not audited: only their 消息 changes.</summary>
    public async Task MarkSeenAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Allows(actor, Permissions.SubmitOpinions)
            && await db.Set<PortalOpinion>().FirstOrDefaultAsync(o => o.Id == id && o.Owner == actor.Name, cancellationToken) is { } row)
        {
            row.SeenUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Failure.Invalid? Check(OpinionInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new FieldError("title", "请填写标题"));
        }
        else if (input.Title.Trim().Length > MaxTitle)
        {
            errors.Add(new FieldError("title", $"标题不能超过 {MaxTitle} 字"));
        }

        if (string.IsNullOrWhiteSpace(input.Situation))
        {
            errors.Add(new FieldError("situation", "请填写基本情况"));
        }
        else if (input.Situation.Length > MaxText)
        {
            errors.Add(new FieldError("situation", $"基本情况不能超过 {MaxText} 字"));
        }

        if (string.IsNullOrWhiteSpace(input.Suggestion))
        {
            errors.Add(new FieldError("suggestion", "请填写意见建议"));
        }
        else if (input.Suggestion.Length > MaxText)
        {
            errors.Add(new FieldError("suggestion", $"意见建议不能超过 {MaxText} 字"));
        }

        if (!string.IsNullOrWhiteSpace(input.Category) && !Categories.Contains(input.Category.Trim()))
        {
            errors.Add(new FieldError("category", FailureTexts.NotACategory(input.Category.Trim(), Categories)));
        }

        return errors.Count > 0 ? new Failure.Invalid(errors) : null;
    }

    private IReadOnlyList<string> Options(string field) =>
        definitions.Current.FindPart(Part)?.Fields.FirstOrDefault(f => f.Name == field)?.Options ?? [];
}
