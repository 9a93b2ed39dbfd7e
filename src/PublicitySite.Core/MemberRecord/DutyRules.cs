namespace PublicitySite.MemberRecord;

/// <summary>
/// The recipe's <c>duties</c> section: the kinds of meetings and activities the office records rosters for,
/// and the 履职积分 rules. A recipe that leaves the section out keeps the current one.
/// </summary>
public sealed record DutyRules
{
    public List<string> MeetingKinds { get; init; } = [];

    public List<DutyPointRule> Points { get; init; } = [];

    /// <summary>The duties a rule may name, each counted as <see cref="DutyRecords"/> says.</summary>
    public static IReadOnlyList<string> Duties { get; } = [Filed, Cosigned, OpinionAdopted, Instructed, Present, Leave, Absent, Speech];

    public const string Filed = "立案提案";
    public const string Cosigned = "联名提案";
    public const string OpinionAdopted = "社情民意采用";
    public const string Instructed = "领导批示";
    public const string Present = "出席";
    public const string Leave = "请假";
    public const string Absent = "缺席";
    public const string Speech = "发言文章";

    /// <summary>
    /// The points of one duty: the rule naming the meeting kind first, then the rule without one; null when the
    /// recipe gives the duty no points.
    /// </summary>
    public int? PointsOf(string duty, string? meetingKind = null) =>
        (meetingKind is null ? null : Points.FirstOrDefault(p => p.Duty == duty && p.MeetingKind == meetingKind)?.Points)
        ?? Points.FirstOrDefault(p => p.Duty == duty && p.MeetingKind is null)?.Points;

    /// <summary>Every problem of the section, with its JSON path below <paramref name="path"/>.</summary>
    public IEnumerable<(string Path, string Problem)> Check(string path)
    {
        for (var i = 0; i < MeetingKinds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(MeetingKinds[i]) || MeetingKinds[i].Length > 50)
            {
                yield return ($"{path}.meetingKinds[{i}]", "a meeting kind must be 1 to 50 characters");
            }
            else if (MeetingKinds.IndexOf(MeetingKinds[i]) != i)
            {
                yield return ($"{path}.meetingKinds[{i}]", $"meeting kind '{MeetingKinds[i]}' is listed twice");
            }
        }

        for (var i = 0; i < Points.Count; i++)
        {
            var rule = Points[i];
            if (!Duties.Contains(rule.Duty))
            {
                yield return ($"{path}.points[{i}].duty", $"unknown duty '{rule.Duty}' (one of {string.Join(", ", Duties)})");
            }

            if (rule.MeetingKind is { } kind && !MeetingKinds.Contains(kind))
            {
                yield return ($"{path}.points[{i}].meetingKind", $"meeting kind '{kind}' is not in meetingKinds");
            }

            if (rule.MeetingKind is not null && rule.Duty is not (Present or Leave or Absent))
            {
                yield return ($"{path}.points[{i}].meetingKind", $"only {Present}, {Leave} and {Absent} depend on the meeting kind");
            }

            if (rule.Points is < -100 or > 100)
            {
                yield return ($"{path}.points[{i}].points", "points must be between -100 and 100");
            }

            if (Points.FindIndex(p => p.Duty == rule.Duty && p.MeetingKind == rule.MeetingKind) != i)
            {
                yield return ($"{path}.points[{i}]", $"duty '{rule.Duty}'{(rule.MeetingKind is null ? "" : $" for '{rule.MeetingKind}'")} has two rules");
            }
        }
    }
}

/// <summary>One 履职积分 rule: so many points for each time a member does <see cref="Duty"/>.</summary>
public sealed record DutyPointRule
{
    public required string Duty { get; init; }

    /// <summary>For 出席/请假/缺席: the meeting kind the rule is for; null for every kind without its own rule.</summary>
    public string? MeetingKind { get; init; }

    public int Points { get; init; }
}
