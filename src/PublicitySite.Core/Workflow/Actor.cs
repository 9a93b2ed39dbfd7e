namespace PublicitySite.Workflow;

/// <summary>Who is acting: a signed-in user or a token's user, with the one role they hold, and from where.</summary>
public sealed record Actor(string Name, string Role, string? Address = null)
{
    /// <summary>The role the design names as holding every permission; it may act at any review stage.</summary>
    public const string AdministratorRole = "Administrator";

    /// <summary>The scheduler, for the audit trail of publications it carries out.</summary>
    public static Actor System { get; } = new("system", "");

    public bool IsAdministrator => Role == AdministratorRole;
}
