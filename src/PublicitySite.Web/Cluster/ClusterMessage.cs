using PublicitySite.Changes;
using PublicitySite.Contents;

namespace PublicitySite.Web.Cluster;

internal enum ClusterMessageKind
{
    /// <summary>A committed content change: caches evict what it touches, the search index reads the change log.</summary>
    Content,

    /// <summary>A proposal's recorded step changed its status.</summary>
    Status,

    /// <summary>Settings, synonyms or the site definition changed: reload from the database.</summary>
    Shared,
}

/// <summary>What one node tells the others on the Redis channel. <paramref name="Node"/> lets a node skip its own.</summary>
internal sealed record ClusterMessage(string Node, ClusterMessageKind Kind, ContentChange? Change = null, string? ItemId = null, SharedState? State = null);
