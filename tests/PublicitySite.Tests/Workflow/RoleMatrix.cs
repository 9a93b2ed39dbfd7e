namespace PublicitySite.Tests.Workflow;

/// <summary>
/// Who may do what to a news item in the 工作动态 column, as the recipe says. The API and the admin pages are
/// both checked against this one table.
/// </summary>
internal static class RoleMatrix
{
    public static readonly string[] Actions =
    [
        "create", "editOwn", "editOther", "submit", "approve初审", "approve复审", "approve签发", "approveOwn",
        "reject", "publish", "schedule", "unpublish", "restore", "manageUsers",
    ];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["create"] = ["Administrator", "Publisher", "Reviewer", "Editor", "Contributor"],
        ["editOwn"] = ["Administrator", "Publisher", "Reviewer", "Editor", "Contributor"],
        ["editOther"] = ["Administrator", "Publisher", "Reviewer", "Editor"],
        ["submit"] = ["Administrator", "Publisher", "Reviewer", "Editor", "Contributor"],
        ["approve初审"] = ["Administrator", "Editor"],
        ["approve复审"] = ["Administrator", "Reviewer"],
        ["approve签发"] = ["Administrator", "Publisher"],
        ["approveOwn"] = [],
        ["reject"] = ["Administrator", "Editor"],
        ["publish"] = ["Administrator", "Publisher"],
        ["schedule"] = ["Administrator", "Publisher"],
        ["unpublish"] = ["Administrator", "Publisher"],
        ["restore"] = ["Administrator", "Publisher", "Reviewer", "Editor"],
        ["manageUsers"] = ["Administrator"],
    };

    public static bool Expect(string role, string action) => Allowed[action].Contains(role);

    /// <summary>For "approveOwn": the stage the role would act at, so the only reason to refuse is authorship.</summary>
    public static int OwnStage(string role) => role switch
    {
        "Reviewer" => 1,
        "Publisher" => 2,
        _ => 0,
    };
}
