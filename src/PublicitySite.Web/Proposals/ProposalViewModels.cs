using System.Globalization;
using PublicitySite.Markdown;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Proposals;

/// <summary>One proposal as lists (page and API) show it.</summary>
internal sealed record ProposalSummary(
    string Id,
    string Title,
    string Url,
    string Number,
    string Session,
    int Term,
    int Meeting,
    int Seq,
    string Status,
    string StatusClass,
    string? Category,
    string? Sector,
    string ProposerType,
    IReadOnlyList<string> Proposers,
    string? LeadUnit,
    IReadOnlyList<string> CoUnits,
    bool Key,
    bool Overdue,
    string? ReplyClass,
    string? Verdict,
    string? LastUpdate)
{
    /// <summary>提案者类别 in Chinese (委员（个人或联名）, 党派 …), the same words the office page uses.</summary>
    public string ProposerTypeName => ProposalNames.ProposerType(ProposerType);

    /// <summary>已超期 when late, else null: the word every surface puts beside the status.</summary>
    public string? OverdueLabel => Overdue ? ProposalNames.Overdue : null;

    public static ProposalSummary From(ProposalRecord r) => new(
        r.ContentItemId,
        r.Title,
        r.Path is null ? $"/content/{r.ContentItemId}" : "/" + r.Path,
        r.Number,
        ProposalNumbering.Session(r.Term, r.Meeting),
        r.Term,
        r.Meeting,
        r.Seq,
        ProposalNames.Of(r.Status),
        StatusClassOf(r.Status),
        r.Category,
        r.Sector,
        r.ProposerType ?? "member",
        r.Proposers.Split('、', StringSplitOptions.RemoveEmptyEntries),
        r.LeadUnit,
        r.CoUnits?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [],
        r.Key,
        r.Overdue,
        r.ReplyClass,
        r.Verdict,
        Day(r.LastEventOn));

    /// <summary>A CSS class per stage, so badges read the same across the site.</summary>
    public static string StatusClassOf(ProposalStatus status) => status switch
    {
        ProposalStatus.Filed or ProposalStatus.Accepted => "st-review",
        ProposalStatus.NotAccepted or ProposalStatus.Merged or ProposalStatus.Converted => "st-other",
        ProposalStatus.Replied or ProposalStatus.Evaluated => "st-replied",
        ProposalStatus.Closed => "st-closed",
        _ => "st-handling",
    };

    public static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record TimelineEntry(string Status, string Date, string? Note, string? Unit, string? Role, string? CoUnits, string? MergedInto, string? DueOn, string? Verdict, string? ReplyClass);

internal sealed record ProposerLink(string Name, string? MemberId, string? Url, bool Lead);

internal sealed record ReplyView(string? Class, string? ClassName, string? RefNo, string Date, string? TextHtml, string? Pdf);

/// <summary>A public proposal in full: what its page and <c>GET /api/proposals/{id}</c> show.</summary>
internal sealed record ProposalDetailView
{
    public required ProposalSummary Summary { get; init; }

    public string? Abstract { get; init; }

    public string? BodyHtml { get; init; }

    public string? Supervisor { get; init; }

    public string? FiledOn { get; init; }

    public string? AssignedOn { get; init; }

    public string? DueOn { get; init; }

    public string? PublishedUtc { get; init; }

    public required IReadOnlyList<ProposerLink> Proposers { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public ReplyView? Reply { get; init; }

    public static ProposalDetailView From(ProposalDetail d, ProposalRules rules, MarkdownRenderer markdown, string? bodyHtml, string? summary)
    {
        var record = d.Record;
        var reply = d.Timeline.LastOrDefault(e => e.Kind == ProposalEventKind.Reply);
        return new ProposalDetailView
        {
            Summary = ProposalSummary.From(record),
            Abstract = summary,
            BodyHtml = bodyHtml,
            Supervisor = record.Supervisor,
            FiledOn = ProposalSummary.Day(record.FiledOn),
            AssignedOn = ProposalSummary.Day(record.AssignedOn),
            DueOn = ProposalSummary.Day(record.DueOn),
            PublishedUtc = d.Entry.Version.PublishedUtc is { } p ? Contents.SiteTime.ToLocal(p).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Proposers = d.Proposers.Select(p => new ProposerLink(p.Name, p.MemberId, p.MemberId is { } id && d.MemberUrls.TryGetValue(id, out var url) ? url : null, p.Position == 0)).ToList(),
            Timeline = d.Timeline.Select(e => new TimelineEntry(
                ProposalNames.Of(e.Kind),
                e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.Note,
                e.Unit,
                e.Role,
                e.CoUnits,
                e.MergedInto,
                ProposalSummary.Day(e.DueOn),
                e.Verdict,
                e.ReplyClass)).ToList(),
            Reply = reply is null ? null : new ReplyView(
                reply.ReplyClass,
                reply.ReplyClass is null ? null : rules.ReplyClassName(reply.ReplyClass),
                reply.ReplyRefNo,
                reply.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(reply.ReplyText) ? null : markdown.ToHtml(reply.ReplyText),
                reply.ReplyPdf),
        };
    }
}

/// <summary>One bar of a chart: the count, its width relative to the largest bar, its share of the total.</summary>
internal sealed record ChartBar(string Label, int Count, int Width, string Share, string? Url);

internal sealed record Chart(string Id, string Title, int Total, IReadOnlyList<ChartBar> Bars)
{
    public static Chart From(string id, string title, IReadOnlyList<ProposalCount> counts, int total, Func<ProposalCount, string?>? link = null)
    {
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Count);
        return new Chart(id, title, total, counts.Select(c => new ChartBar(
            c.Label,
            c.Count,
            max == 0 ? 0 : (int)Math.Round(100.0 * c.Count / max),
            total == 0 ? "0%" : (100.0 * c.Count / total).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            link?.Invoke(c))).ToList());
    }
}
