using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace PublicitySite.Users;

/// <summary>
/// Refuses passwords that guessing lists try first: the shipped <c>common-passwords.txt</c> (frequent English
/// and pinyin words, names and places with years, lucky numbers and keyboard tails, e.g. <c>zhangwei1990</c>,
/// <c>woaini5201314</c>, <c>1qaz2wsx3edc</c>), compared without regard to case.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "该密码过于常见，容易被猜中：请换一个不常见的密码（可用几个无关的词加数字组成）",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PublicitySite.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
