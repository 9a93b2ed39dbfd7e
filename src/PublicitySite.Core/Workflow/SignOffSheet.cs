using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Workflow;

/// <summary>One stage's line on the 审签单: its opinion, who signed and when (empty while undecided).</summary>
public sealed record SignOffLine(string Stage, string Role, string? Opinion, string? Signer, DateTime? SignedUtc);

/// <summary>A return recorded on the version: which stage sent it back, to whom, why, who and when.</summary>
public sealed record SignOffReturn(string Stage, string To, string Opinion, string By, DateTime AtUtc);

/// <summary>
/// The 审签单 of one version, as the office prints and files it: 标题, 栏目, 撰稿, each stage's 意见/签名/时间,
/// 签发人 and 发布时间. Built from the version's <see cref="ReviewStep"/>s, counting only the round since the
/// last submission (an earlier round's approvals were voided by the return that ended it).
/// </summary>
public sealed record SignOffSheet(
    string ContentItemId,
    int Number,
    string Title,
    string TypeLabel,
    string? Column,
    string Author,
    DateTime? SubmittedUtc,
    IReadOnlyList<SignOffLine> Lines,
    IReadOnlyList<SignOffReturn> Returns,
    string? Publisher,
    DateTime? PublishedUtc,
    string StatusLabel)
{
    public static SignOffSheet Build(SiteDefinition site, ContentItemVersion version, IReadOnlyList<ReviewStep> steps, IReadOnlyDictionary<string, string> names)
    {
        var policy = new WorkflowPolicy(site);
        var stages = policy.StagesOf(version.ContentType);
        var mine = steps.Where(s => s.VersionId == version.Id).OrderBy(s => s.Id).ToList();
        var lastSubmit = mine.FindLastIndex(s => s.Decision == ReviewDecision.Submitted);
        var round = lastSubmit < 0 ? mine : mine.Skip(lastSubmit).ToList();
        var stageNames = stages.Select(x => x.Name).ToList();
        string Name(string user) => names.TryGetValue(user, out var n) ? n : user;

        var lines = stages.Select((stage, i) =>
        {
            // After a return to this stage, only the approval given after it counts.
            var approval = round.LastOrDefault(s => s.Decision == ReviewDecision.Approved && s.StageIndex == i);
            var voided = approval is not null && round.Any(s => s.Decision == ReviewDecision.Returned && s.Id > approval.Id && s.ReturnedTo is { } to && stageNames.IndexOf(to) <= i);
            return approval is null || voided
                ? new SignOffLine(stage.Name, policy.RoleLabel(stage.Role), null, null, null)
                : new SignOffLine(stage.Name, policy.RoleLabel(stage.Role), approval.Comment, Name(approval.By), approval.AtUtc);
        }).ToList();
        var returns = mine.Where(s => s.Decision == ReviewDecision.Returned)
            .Select(s => new SignOffReturn(s.Stage, s.ReturnedTo ?? WorkflowService.AuthorTarget, s.Comment ?? "", Name(s.By), s.AtUtc)).ToList();
        var submitted = round.FirstOrDefault(s => s.Decision == ReviewDecision.Submitted);
        var final = lines.Count > 0 ? lines[^1] : null;
        return new SignOffSheet(
            version.ContentItemId,
            version.Number,
            version.Title,
            site.FindType(version.ContentType)?.Label ?? version.ContentType,
            version.Column,
            Name(submitted?.By ?? version.Author),
            submitted?.AtUtc,
            lines,
            returns,
            final?.Signer,
            final?.Signer is null ? null : version.PublishedUtc,
            WorkflowService.StatusLabel(version.Status));
    }
}
