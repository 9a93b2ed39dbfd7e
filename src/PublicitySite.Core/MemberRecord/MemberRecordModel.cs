namespace PublicitySite.MemberRecord;

/// <summary>
/// A 社情民意 a member reported from 委员之家. The text lives in the SocialOpinion content item (the office
/// reviews and publishes it like any other); this row ties it to the member and keeps what the member is told:
/// when the office marked its adoption, the 批示 or remark, and when the member last looked.
/// </summary>
public sealed class PortalOpinion
{
    public long Id { get; set; }

    /// <summary>User name of the reporting member.</summary>
    public required string Owner { get; init; }

    /// <summary>The member profile item.</summary>
    public required string MemberId { get; init; }

    /// <summary>The SocialOpinion content item holding the text.</summary>
    public required string ContentItemId { get; init; }

    public required string Title { get; init; }

    public DateTime SubmittedUtc { get; init; }

    /// <summary>The adoption level last marked by the office (采用级别), null until it marks one.</summary>
    public string? Adoption { get; set; }

    /// <summary>The office's remark with the level: a leader's 批示, where it was used.</summary>
    public string? Remark { get; set; }

    public DateTime? MarkedUtc { get; set; }

    /// <summary>When the member last opened it: a marking made later is news (消息).</summary>
    public DateTime? SeenUtc { get; set; }
}

public enum Attendance
{
    Present,
    Leave,
    Absent,
}

/// <summary>A meeting or activity (全体会议, 常委会议, 视察, 调研 …) with its roster.</summary>
public sealed class Meeting
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>One of the recipe's meeting kinds (duties.meetingKinds).</summary>
    public string Kind { get; set; } = "";

    public string CreatedBy { get; init; } = "";

    public DateTime UpdatedUtc { get; set; }

    public List<MeetingAttendance> Roster { get; } = [];
}

/// <summary>One member on a meeting's roster: 出席, 请假 or 缺席.</summary>
public sealed class MeetingAttendance
{
    public long MeetingId { get; init; }

    /// <summary>The member profile item.</summary>
    public required string MemberId { get; init; }

    public required string Name { get; init; }

    public Attendance State { get; set; }
}
