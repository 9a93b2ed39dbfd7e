using Microsoft.AspNetCore.Identity;

namespace PublicitySite.Users;

/// <summary>
/// Identity's messages in Chinese, so a refused password or name reads the same on the admin pages, the API
/// and the command line. The password rule itself is set in <c>AddPublicityCore</c>.
/// </summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少 {length} 位");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含数字");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含小写字母");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含大写字母");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含字母和数字以外的符号");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码错误");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"登录名“{userName}”无效：只能使用字母、数字和 - . _ @");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户“{userName}”已存在");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该用户已设置密码");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该用户未启用锁定");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "该用户刚被他人修改，请重试");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请重试");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
