namespace PublicitySite.Users;

/// <summary>The users feature's refusals, shared by the admin pages, the API, GraphQL and the command line.</summary>
public static class UserTexts
{
    /// <summary>The account behind a cookie or token is disabled or gone.</summary>
    public const string AccountUnavailable = "账号不可用";

    public static string NoSuchUser(string? name) => $"用户“{name}”不存在";
}
