using PublicitySite.Contents.Definitions;

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

    /// <summary>Chinese names for the admin.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [ReadDrafts] = "读取草稿与版本",
        [WriteContent] = "写入内容（新建、修改、送审、审核、发布）",
        [UploadMedia] = "上传媒体",
        [RecordProposals] = "记录提案办理",
        [Manage] = "管理（用户、设置、索引；包含其他全部范围）",
    };

    /// <summary>
    /// The permissions of which a role needs at least one before its tokens may carry a scope: a token offering
    /// a scope its role could never use would only mislead. <see cref="Manage"/> stands for every scope, so it is
    /// for roles that manage users.
    /// </summary>
    private static readonly Dictionary<string, string[]> Needs = new()
    {
        [ReadDrafts] = [Permissions.ViewDrafts, Permissions.EditOwnContent, Permissions.EditAnyContent],
        [WriteContent] = [Permissions.CreateContent, Permissions.EditOwnContent, Permissions.EditAnyContent, Permissions.SubmitContent, Permissions.ReviewContent, Permissions.PublishContent, Permissions.UnpublishContent],
        [UploadMedia] = [Permissions.UploadMedia],
        [RecordProposals] = [Permissions.RecordProposals],
        [Manage] = [Permissions.ManageUsers],
    };

    /// <summary>
    /// Whether a token carrying <paramref name="granted"/> may be used for <paramref name="scope"/>: it carries the
    /// scope, or <see cref="Manage"/>, which stands for every scope. The one rule every endpoint applies.
    /// </summary>
    public static bool Covers(IEnumerable<string> granted, string scope) =>
        granted.Any(g => g == scope || g == Manage);

    /// <summary>
    /// The scope a token needs to use a recipe permission: content writes, drafts, media and proposals have
    /// their own; users, settings, audit and the search index need <see cref="Manage"/>.
    /// </summary>
    public static string ForPermission(string permission) => permission switch
    {
        Permissions.ViewDrafts => ReadDrafts,
        Permissions.UploadMedia or Permissions.ManageMedia => UploadMedia,
        Permissions.RecordProposals => RecordProposals,
        _ when permission.StartsWith("content.", StringComparison.Ordinal) => WriteContent,
        _ => Manage,
    };

    public static IReadOnlyList<string> AllowedFor(RoleDefinition? role) =>
        role is null ? [] : All.Where(scope => Needs[scope].Any(role.Permissions.Contains)).ToList();
}
