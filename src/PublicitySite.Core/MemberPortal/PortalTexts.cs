namespace PublicitySite.MemberPortal;

/// <summary>The member portal's refusals that its commands and its pages both show.</summary>
public static class PortalTexts
{
    /// <summary>A member account with no profile behind it; 提案委 links accounts to proposers.</summary>
    public const string NoProfile = "您的账户没有关联委员资料，请联系提案委";

    public const string AttachmentMissing = "附件不存在";
}
