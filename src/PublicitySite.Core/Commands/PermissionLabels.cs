using PublicitySite.Contents.Definitions;

namespace PublicitySite.Commands;

/// <summary>The recipe permissions in Chinese, for refusals and the admin.</summary>
public static class PermissionLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [Permissions.CreateContent] = "新建内容",
        [Permissions.EditOwnContent] = "编辑本人内容",
        [Permissions.EditAnyContent] = "编辑全部内容",
        [Permissions.SubmitContent] = "送审",
        [Permissions.ReviewContent] = "审核",
        [Permissions.PublishContent] = "签发",
        [Permissions.UnpublishContent] = "撤稿",
        [Permissions.DeleteContent] = "删除内容",
        [Permissions.ViewDrafts] = "查看草稿",
        [Permissions.UploadMedia] = "上传媒体",
        [Permissions.ManageMedia] = "管理媒体",
        [Permissions.RecordProposals] = "办理提案",
        [Permissions.ManageUsers] = "管理用户",
        [Permissions.ManageSettings] = "管理设置",
        [Permissions.ViewAudit] = "查看审计日志",
        [Permissions.Reindex] = "重建搜索索引",
        [Permissions.SubmitProposals] = "委员提交提案",
        [Permissions.SubmitOpinions] = "委员报送社情民意",
        [Permissions.AdoptOpinions] = "标记社情民意采用",
        [Permissions.RecordDuties] = "登记委员履职",
    };

    public static string Of(string permission) => Labels.GetValueOrDefault(permission, permission);
}
