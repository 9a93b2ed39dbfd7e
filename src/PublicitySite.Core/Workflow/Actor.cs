namespace PublicitySite.Workflow;

/// <summary>
/// Who is acting: a signed-in user or a token's user, with the one role they hold as it is now, and from where.
/// Every command of a Core service takes one; the adapters build it (cookie, token, command line) and nothing else.
/// </summary>
public sealed record Actor(string Name, string Role, string? Address = null)
{
    /// <summary>The role the design names as holding every permission; it may act at any review stage.</summary>
    public const string AdministratorRole = "Administrator";

    /// <summary>The scheduler, for the audit trail of publications it carries out.</summary>
    public static Actor System { get; } = new("system", "") { Trusted = true };

    /// <summary>The operator of the command line: whoever may run it already holds the data directory.</summary>
    public static Actor CommandLine { get; } = new("cli", AdministratorRole) { Trusted = true };

    /// <summary>A token's scopes (it may do no more than they allow); null for a session or the command line.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>The site itself (scheduler, seeding, command line): permission checks pass, the audit still names it.</summary>
    public bool Trusted { get; init; }

    public bool IsAdministrator => Role == AdministratorRole;
}
