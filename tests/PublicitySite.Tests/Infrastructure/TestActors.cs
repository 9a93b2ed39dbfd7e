using PublicitySite.Commands;
using PublicitySite.Proposals;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>Acting users for calling Core services directly, with the roles the recipe defines.</summary>
public static class TestActors
{
    public static Actor Clerk(string name = "clerk") => new(name, "ProposalClerk");

    public static Actor Administrator(string name = "admin") => new(name, Actor.AdministratorRole);

    /// <summary>An import's report, whether the batch was imported, checked, or refused for its rows' problems.</summary>
    public static ProposalImportResult Report(this Result<ProposalImportResult> result) =>
        result.Value ?? (result.Failure as ProposalImportRefused)?.Report ?? throw new InvalidOperationException(result.Failure?.Detail);
}
