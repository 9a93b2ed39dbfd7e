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

/// <summary>
/// Told of a step the office (or a member) records, before it is saved and on the same context: what it stages
/// (an e-mail notice in the outbox) commits with the step or not at all.
/// </summary>
public interface IProposalEventStager
{
    Task StageAsync(ProposalEvent recorded, CancellationToken cancellationToken);
}
