using System.Text.Json.Serialization;

namespace PublicitySite.Web.Proposals;

/// <summary><c>GET /api/proposals/{id}</c>: a public proposal in full, with its handling and the reply.</summary>
internal sealed record ProposalDetailAnswer(
    string Id,
    string Title,
    string Url,
    string Number,
    string Session,
    string Status,
    string? Category,
    string? Sector,
    string ProposerType,
    IReadOnlyList<ProposerLink> Proposers,
    string? LeadUnit,
    IReadOnlyList<string> CoUnits,
    bool Key,
    string? Supervisor,
    bool Overdue,
    string? FiledOn,
    string? AssignedOn,
    string? DueOn,
    string? LastUpdate,
    string? Summary,
    string? BodyHtml,
    string? BodyText,
    IReadOnlyList<TimelineEntry> Timeline,
    ReplyView? Reply,
    string? Verdict,
    DateTimeOffset? PublishedUtc);

/// <summary>The proposal a filing or an event changed, and its status after (null when the event changes none).</summary>
internal sealed record ProposalChangeAnswer(string Id, string? Status);

/// <summary><c>GET /api/proposals/queue</c>: the office's to-do lists, under the names the office uses.</summary>
internal sealed record ProposalQueueAnswer(
    [property: JsonPropertyName("待审查")] IReadOnlyList<ProposalSummary> AwaitingReview,
    [property: JsonPropertyName("待交办")] IReadOnlyList<ProposalSummary> AwaitingAssignment,
    [property: JsonPropertyName("即将到期")] IReadOnlyList<ProposalSummary> DueSoon,
    [property: JsonPropertyName("已超期")] IReadOnlyList<ProposalSummary> Overdue,
    [property: JsonPropertyName("待评价")] IReadOnlyList<ProposalSummary> AwaitingVerdict);
