namespace PublicitySite.Users;

/// <summary>What a token may be used for, on top of what its user's role allows (never more).</summary>
public static class TokenScopes
{
    public const string ReadDrafts = "read:drafts";
    public const string WriteContent = "write:content";
    public const string UploadMedia = "write:media";
    public const string RecordProposals = "write:proposals";
    public const string Manage = "manage";

    public static IReadOnlyList<string> All { get; } = [ReadDrafts, WriteContent, UploadMedia, RecordProposals, Manage];
}
