namespace PublicitySite.Contents.Definitions;

/// <summary>The permission names a recipe may grant to roles.</summary>
public static class Permissions
{
    public const string CreateContent = "content.create";
    public const string EditOwnContent = "content.editOwn";
    public const string EditAnyContent = "content.editAny";
    public const string SubmitContent = "content.submit";
    public const string ReviewContent = "content.review";
    public const string PublishContent = "content.publish";
    public const string UnpublishContent = "content.unpublish";
    public const string DeleteContent = "content.delete";
    public const string ViewDrafts = "content.viewDrafts";
    public const string UploadMedia = "media.upload";
    public const string ManageMedia = "media.manage";
    public const string RecordProposals = "proposals.record";
    public const string ManageUsers = "users.manage";
    public const string ManageSettings = "settings.manage";
    public const string ViewAudit = "audit.view";
    public const string Reindex = "search.reindex";

    /// <summary>A member writes, co-signs and evaluates their own proposals in 委员之家.</summary>
    public const string SubmitProposals = "proposals.submit";

    /// <summary>A member reports 社情民意 from 委员之家 and sees their own 履职档案 and 履职积分.</summary>
    public const string SubmitOpinions = "opinions.submit";

    /// <summary>The office marks a 社情民意's adoption (采用级别, 领导批示).</summary>
    public const string AdoptOpinions = "opinions.adopt";

    /// <summary>The office records meeting rosters and reads the yearly 履职积分 ranking.</summary>
    public const string RecordDuties = "duties.record";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>
    {
        CreateContent, EditOwnContent, EditAnyContent, SubmitContent, ReviewContent, PublishContent,
        UnpublishContent, DeleteContent, ViewDrafts, UploadMedia, ManageMedia, RecordProposals, ManageUsers,
        ManageSettings, ViewAudit, Reindex, SubmitProposals, SubmitOpinions, AdoptOpinions, RecordDuties,
    };
}
