using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Users;

/// <summary>Adding and listing people. A user holds one role from the recipe.</summary>
public sealed class UserService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, SiteDefinitionStore definitions, TimeProvider clock)
{
    /// <summary>The login provider under which the site keeps its own per-user values in Identity's token table.</summary>
    public const string SiteValues = "[Publicity]";

    private const string MustChangePassword = "MustChangePassword";

    /// <param name="generated">The password was made by the site and shown once: the user must choose their own at first sign-in.</param>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> AddAsync(string name, string role, string password, string? displayName = null, bool generated = false)
    {
        var definition = definitions.Current.Roles.FirstOrDefault(r => r.Name.Equals(role, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            var known = string.Join(", ", definitions.Current.Roles.Select(r => $"{r.Name} ({r.DisplayName})"));
            return (null, [$"未知的角色“{role}”。可用角色：{known}"]);
        }

        if (await users.FindByNameAsync(name) is not null)
        {
            return (null, [$"用户“{name}”已存在"]);
        }

        var user = new AppUser { UserName = name, DisplayName = displayName ?? name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description).ToList());
        }

        await EnsureRoleAsync(definition.Name);
        await users.AddToRoleAsync(user, definition.Name);
        if (generated)
        {
            await RequirePasswordChangeAsync(user, true);
        }

        return (user, []);
    }

    /// <summary>Whether the user signs in with a password the site generated and must change it before anything else.</summary>
    public async Task<bool> MustChangePasswordAsync(AppUser user) =>
        await users.GetAuthenticationTokenAsync(user, SiteValues, MustChangePassword) is not null;

    public async Task RequirePasswordChangeAsync(AppUser user, bool required)
    {
        if (required)
        {
            await users.SetAuthenticationTokenAsync(user, SiteValues, MustChangePassword, "1");
        }
        else
        {
            await users.RemoveAuthenticationTokenAsync(user, SiteValues, MustChangePassword);
        }
    }

    public async Task<IReadOnlyList<(AppUser User, string Role)>> ListAsync()
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var result = new List<(AppUser, string)>();
        foreach (var user in all)
        {
            var userRoles = await users.GetRolesAsync(user);
            result.Add((user, string.Join(",", userRoles)));
        }

        return result;
    }

    public Task<AppUser?> FindAsync(string name) => users.FindByNameAsync(name);

    public async Task<string?> RoleOfAsync(AppUser user) => (await users.GetRolesAsync(user)).FirstOrDefault();

    public async Task EnsureRolesAsync(IEnumerable<RoleDefinition> definedRoles)
    {
        foreach (var role in definedRoles)
        {
            await EnsureRoleAsync(role.Name);
        }
    }

    /// <summary>A password strong enough for the policy, for the first administrator.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]).ToArray();
        return new string(chars) + "-7a";
    }

    private async Task EnsureRoleAsync(string name)
    {
        if (!await roles.RoleExistsAsync(name))
        {
            await roles.CreateAsync(new IdentityRole(name));
        }
    }
}
