using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberRecord;

namespace PublicitySite.Web.Admin.Pages.Meetings;

/// <summary>One meeting: its title, date and kind, and the roster of every member (出席/请假/缺席/不在名单).</summary>
[AdminPermission(Permissions.RecordDuties, Reason = MemberRecordTexts.MeetingsRefused)]
public sealed class RosterModel(MeetingRoster roster) : AdminPage
{
    [FromRoute] public long Id { get; set; }

    public Meeting? Meeting { get; private set; }

    public IReadOnlyList<RosterMember> Members { get; private set; } = [];

    public IReadOnlyList<string> Kinds => roster.Kinds;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Saves the roster: one field per member, named by the member id, with 出席, 请假, 缺席 or empty.</summary>
    public async Task<IActionResult> OnPostRosterAsync(CancellationToken cancellationToken)
    {
        var answers = Request.Form.Where(f => f.Key.StartsWith("m-", StringComparison.Ordinal))
            .ToDictionary(f => f.Key[2..], f => (string?)f.Value.ToString());
        var saved = await roster.SetRosterAsync(Me, Id, answers, cancellationToken);
        return await AfterAsync(saved, "出席名单已保存", cancellationToken);
    }

    public async Task<IActionResult> OnPostMeetingAsync(string? title, string? date, string? kind, CancellationToken cancellationToken)
    {
        var saved = await roster.SaveAsync(Me, Id, new MeetingInput(title, date, kind), cancellationToken);
        return await AfterAsync(saved, "会议活动已修改", cancellationToken);
    }

    public string? StateOf(string memberId) =>
        Meeting?.Roster.FirstOrDefault(r => r.MemberId == memberId) is { } row ? MeetingRoster.Names[row.State] : null;

    private async Task<IActionResult> AfterAsync(PublicitySite.Commands.Result<Meeting> saved, string done, CancellationToken cancellationToken)
    {
        if (saved.Succeeded)
        {
            Flash = done;
            return Redirect($"/admin/meetings/{Id}");
        }

        await LoadAsync(cancellationToken);
        return Refused(saved.Failure!);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Meeting = await roster.FindAsync(Id, cancellationToken);
        Members = await roster.MembersAsync(cancellationToken);
        return Meeting is not null;
    }
}
