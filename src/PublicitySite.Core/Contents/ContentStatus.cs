namespace PublicitySite.Contents;

/// <summary>Where one version of a content item stands. Stored as text so the database reads plainly.</summary>
public enum ContentStatus
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Unpublished,
    Archived,
}
