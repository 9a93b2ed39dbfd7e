using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberRecord;

namespace PublicitySite.Web.Admin.Pages.Meetings;

/// <summary>会议活动: the year's meetings and activities with their attendance counts, and a form to add one.</summary>
[AdminPermission(Permissions.RecordDuties, Reason = MemberRecordTexts.MeetingsRefused)]
public sealed class IndexModel(MeetingRoster roster, TimeProvider clock) : AdminPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public IReadOnlyList<string> Kinds => roster.Kinds;

    public MeetingInput Input { get; private set; } = new("", "", "");

    public int ShownYear => Year ?? DutyRecords.ThisYear(clock);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Meetings = await roster.ListAsync(ShownYear, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? title, string? date, string? kind, CancellationToken cancellationToken)
    {
        Input = new MeetingInput(title, date, kind);
        var saved = await roster.SaveAsync(Me, null, Input, cancellationToken);
        if (saved.Value is { } meeting)
        {
            Flash = $"已登记“{meeting.Title}”，请填写出席名单";
            return Redirect($"/admin/meetings/{meeting.Id}");
        }

        Meetings = await roster.ListAsync(ShownYear, cancellationToken);
        return Refused(saved.Failure!);
    }

    public int Count(Meeting meeting, Attendance state) => meeting.Roster.Count(r => r.State == state);
}
