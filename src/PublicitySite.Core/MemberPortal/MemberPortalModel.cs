namespace PublicitySite.MemberPortal;

/// <summary>A 委员 account: the user who signs in to 委员之家 and the member profile item they are.</summary>
public sealed class MemberAccount
{
    public required string UserName { get; init; }

    /// <summary>The member profile item (content type Member).</summary>
    public required string MemberId { get; init; }

    /// <summary>The member's name as the profile gives it, for co-signer search and proposer lists.</summary>
    public required string Name { get; set; }
}

public enum PortalProposalState
{
    Draft,
    Submitted,
}

public enum CosignState
{
    Invited,
    Confirmed,
    Declined,
}

/// <summary>
/// A proposal as its lead member writes it in the portal. Private to the member (and the co-signers they
/// invite) while a draft; after submission it points at the office's proposal item, whose events are the truth
/// about its progress.
/// </summary>
public sealed class PortalProposal
{
    public long Id { get; set; }

    /// <summary>User name of the lead member.</summary>
    public required string Owner { get; init; }

    public PortalProposalState State { get; set; }

    /// <summary>案由.</summary>
    public string Title { get; set; } = "";

    /// <summary>案据: why, in Markdown.</summary>
    public string Grounds { get; set; } = "";

    /// <summary>建议: what should be done, in Markdown.</summary>
    public string Suggestions { get; set; } = "";

    public string? Category { get; set; }

    /// <summary>同意公开, asked at submission.</summary>
    public bool PublicConsent { get; set; }

    /// <summary>The office's proposal item, once submitted.</summary>
    public string? ContentItemId { get; set; }

    public DateTime CreatedUtc { get; init; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>When the lead last opened it in the portal: office steps recorded later are news (消息).</summary>
    public DateTime? SeenUtc { get; set; }

    /// <summary>The member's comment with their verdict: kept for them and the office, never on the public timeline.</summary>
    public string? EvaluationComment { get; set; }

    public List<PortalCosigner> Cosigners { get; } = [];
}

/// <summary>A member invited to co-sign (联名); listed as a proposer only once confirmed.</summary>
public sealed class PortalCosigner
{
    public long PortalProposalId { get; init; }

    public required string UserName { get; init; }

    public required string Name { get; init; }

    public required string MemberId { get; init; }

    public CosignState State { get; set; }

    public DateTime InvitedUtc { get; init; }

    public DateTime? RespondedUtc { get; set; }
}

/// <summary>
/// A file a member attaches to their proposal (PDF or picture), checked like a media upload but kept out of the
/// public media library: its bytes live under a private store key and are read only through the checked route.
/// </summary>
public sealed class PortalAttachment
{
    public long Id { get; set; }

    public long PortalProposalId { get; init; }

    /// <summary>The name shown and offered for download, cleaned, with the extension of the real type.</summary>
    public required string FileName { get; init; }

    public PublicitySite.Media.MediaFormat Format { get; init; }

    /// <summary>SHA-256 of the stored bytes: the store key, shared by identical files.</summary>
    public required string Hash { get; init; }

    public long Length { get; init; }

    public required string UploadedBy { get; init; }

    public DateTime CreatedUtc { get; init; }
}
