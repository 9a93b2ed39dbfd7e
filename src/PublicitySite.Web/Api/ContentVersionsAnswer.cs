namespace PublicitySite.Web.Api;

/// <summary><c>GET /api/content/{id}/versions</c>: every version of an item, oldest first, with its review record.</summary>
internal sealed record ContentVersionsAnswer(string Id, int Latest, int? Published, IReadOnlyList<ContentVersionAnswer> Items);

/// <summary>One version: its state, who wrote it when, and the decisions taken on it.</summary>
internal sealed record ContentVersionAnswer(
    int Version,
    string Status,
    string StatusLabel,
    string? Stage,
    string Title,
    string Author,
    DateTime CreatedUtc,
    DateTime ModifiedUtc,
    DateTime? PublishedUtc,
    string ContentHash,
    IReadOnlyList<ApprovalAnswer>? Approvals,
    RejectionAnswer? Rejection,
    IReadOnlyList<OpinionAnswer> Opinions);

/// <summary>A stage's approval as the review record keeps it.</summary>
internal sealed record ApprovalAnswer(string Stage, string? By, string? At);

/// <summary>The last return of the version, with its required comment.</summary>
internal sealed record RejectionAnswer(string Comment, string? By, DateTime? At);

/// <summary>
/// One decision (意见) on the version: <c>decision</c> is Submitted, Approved or Returned; <c>returnedTo</c> names
/// the stage a return went back to, or the author.
/// </summary>
internal sealed record OpinionAnswer(string Stage, string Decision, string DecisionLabel, string? Comment, string By, DateTime At, string? ReturnedTo);
