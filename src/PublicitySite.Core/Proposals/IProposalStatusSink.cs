namespace PublicitySite.Proposals;

/// <summary>
/// Told after the office's recorded step has committed and changed a proposal's status. No new version is
/// made, so content change sinks hear nothing; what shows the status (search facets, cached pages and lists)
/// listens here.
/// </summary>
public interface IProposalStatusSink
{
    ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken);
}
