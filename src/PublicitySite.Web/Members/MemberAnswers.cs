using System.Text.Json.Nodes;

namespace PublicitySite.Web.Members;

/// <summary>A member as the directory (<c>GET /api/members</c>, pinyin order) lists them: public facts only.</summary>
internal sealed record MemberItemAnswer(
    string Id,
    string Name,
    string Url,
    string? Term,
    string? Sector,
    string? Party,
    IReadOnlyList<string> Posts,
    string? WorkUnit,
    string? JobTitle,
    string? Photo,
    string Initial,
    bool Sample);

/// <summary><c>GET /api/members/{id}</c>: the public profile and the record of what the member did.</summary>
internal sealed record MemberDetailAnswer(
    MemberItemAnswer Item,
    string? BiographyHtml,
    string? Summary,
    JsonObject Parts,
    IReadOnlyList<MemberLinkAnswer> ProposalsLed,
    IReadOnlyList<MemberLinkAnswer> ProposalsCosigned,
    IReadOnlyList<MemberLinkAnswer> News,
    IReadOnlyList<MemberLinkAnswer> SocialOpinions);

/// <summary>A published item that names the member.</summary>
internal sealed record MemberLinkAnswer(string Id, string Title, string Url, DateTime? PublishedUtc, string? Note);
