namespace PublicitySite.MemberRecord;

/// <summary>A proposal in a 履职档案: led (领衔) or co-signed (联名), with its status.</summary>
public sealed record DutyProposal(string ContentItemId, string Number, string Title, string Role, string Status, DateOnly Date, bool Filed)
{
    /// <summary>The public page, when the proposal is published.</summary>
    public string? PublicPath { get; init; }

    /// <summary>The portal's page of it, for the member who wrote or co-signed it there.</summary>
    public long? PortalId { get; init; }
}

/// <summary>A 社情民意 in a 履职档案, adopted or not.</summary>
public sealed record DutyOpinion(string ContentItemId, string Title, DateOnly Date, string? Adoption, bool Published)
{
    public string? Remark { get; init; }

    public long? PortalId { get; init; }

    public bool Adopted => PortalOpinions.IsAdopted(Adoption);
}

/// <summary>A published news item (speech, article) that names the member.</summary>
public sealed record DutySpeech(string Title, string Path, DateOnly Date);

/// <summary>A meeting or activity the member was on the roster of, and their attendance.</summary>
public sealed record DutyMeeting(string Title, DateOnly Date, string Kind, string Attendance);

/// <summary>One line of the points breakdown: how many times a duty was done, and its points by the recipe.</summary>
public sealed record DutyPointLine(string Duty, string? MeetingKind, int Count, int Each)
{
    public int Points => Count * Each;

    public string Label => MeetingKind is null ? Duty : $"{Duty}{MeetingKind}";
}

/// <summary>A member's 履职档案 for one year, with their 履职积分.</summary>
public sealed record DutyYear(string MemberId, string Name, int Year)
{
    public IReadOnlyList<DutyProposal> Proposals { get; init; } = [];

    public IReadOnlyList<DutyOpinion> Opinions { get; init; } = [];

    public IReadOnlyList<DutySpeech> Speeches { get; init; } = [];

    public IReadOnlyList<DutyMeeting> Meetings { get; init; } = [];

    public IReadOnlyList<DutyPointLine> Points { get; init; } = [];

    public int Total => Points.Sum(p => p.Points);

    public int Led => Proposals.Count(p => p.Role == DutyRecords.LeadRole);

    public int Cosigned => Proposals.Count(p => p.Role != DutyRecords.LeadRole);

    public int Adopted => Opinions.Count(o => o.Adopted);

    public int Attended => Meetings.Count(m => m.Attendance == DutyRules.Present);
}

/// <summary>One line of the office's yearly ranking.</summary>
public sealed record DutyRank(int Rank, string MemberId, string Name, string? Sector, int Total, int Led, int Cosigned, int Adopted, int Attended);
