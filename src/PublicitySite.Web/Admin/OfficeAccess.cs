using PublicitySite.Contents.Definitions;
using PublicitySite.Members;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

/// <summary>
/// Who may use the office screens, read from the recipe so a changed role changes the screens with it.
/// </summary>
internal static class OfficeAccess
{
    /// <summary>提案办理: roles holding <c>proposals.record</c> (ProposalClerk and Administrator in the recipe).</summary>
    public static bool Proposals(WorkflowPolicy policy, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Has(actor, Permissions.RecordProposals, PublicitySite.Proposals.ProposalVisibility.ContentType, null);
    }

    /// <summary>
    /// 社情民意 including unpublished ones: the roles that review and sign them off (the type's workflow stages:
    /// Reviewer and Publisher in the recipe) and administrators, provided the role may view drafts of the type.
    /// An editor may view drafts of other types but takes no part in handling 社情民意, so sees none of it here.
    /// </summary>
    public static bool Opinions(WorkflowPolicy policy, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(actor);
        return policy.Has(actor, Permissions.ViewDrafts, SocialOpinions.Type, null)
            && (actor.IsAdministrator || policy.StagesOf(SocialOpinions.Type).Any(s => s.Role == actor.Role));
    }
}
