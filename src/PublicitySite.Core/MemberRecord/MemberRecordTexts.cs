namespace PublicitySite.MemberRecord;

/// <summary>The 履职 record's refusals that its commands, the admin pages and the member portal share.</summary>
public static class MemberRecordTexts
{
    /// <summary>A member account with no profile behind it; the members' office links accounts to profiles.</summary>
    public const string NoProfile = "您的账户没有关联委员资料，请联系委员工作部门";

    public const string OpinionMissing = "社情民意不存在";

    public const string MeetingMissing = "会议活动不存在";

    public const string MeetingsRefused = "您的角色无权登记会议活动";

    public const string YearInvalid = "年份无效";
}
