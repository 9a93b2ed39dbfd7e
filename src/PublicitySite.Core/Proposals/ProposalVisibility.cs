using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>
/// The one rule for whether a proposal may be shown publicly: its proposer agreed to publication
/// (<c>ProposalPart.Public == true</c>) in the latest version and in the published one. A missing answer
/// counts as a refusal. Every public surface (lists, counts, API, feeds, sitemap, search) applies it:
/// for one version call <see cref="IsPublic(ContentItemVersion)"/>; in a database query filter on
/// <see cref="ConsentedIds"/>, which is maintained from both versions and fails closed (an item without
/// a record is not public).
/// </summary>
public static class ProposalVisibility
{
    public const string ContentType = "Proposal";
    public const string Part = "ProposalPart";

    /// <summary>True for every version that is not a proposal, and for proposals whose proposer consented.</summary>
    public static bool IsPublic(ContentItemVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.ContentType != ContentType || IsPublic(ContentData.Parse(version.Data));
    }

    public static bool IsPublic(JsonObject proposalData) => ContentData.GetBool(proposalData, Part, "Public");

    /// <summary>Ids of proposals that may appear publicly (use as <c>consented.Contains(item.Id)</c> for proposals).</summary>
    public static IQueryable<string> ConsentedIds(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ProposalRecord>().Where(r => r.PublicConsent).Select(r => r.ContentItemId);
    }
}
