using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Users;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>A member profile with no account yet, as the member directory lists it.</summary>
public sealed record MemberWithoutAccount(string MemberId, string Name, string? Sector, string? Email);

/// <summary>One account to open: the profile and, where the office has it, the member's e-mail address.</summary>
public sealed record AccountRequest(string MemberId, string? Email);

/// <summary>An account just opened, with its generated first password: shown once, never stored in clear.</summary>
public sealed record IssuedAccount(string MemberId, string Name, string UserName, string Password);

public sealed partial class MemberAccounts
{
    public const int MaxBatch = 500;

    /// <summary>The office opens 委员 accounts: roles that manage users or record proposals (提案委).</summary>
    public bool MayIssue(Actor actor) => access.Allows(actor, Permissions.ManageUsers) || access.Allows(actor, Permissions.RecordProposals);

    /// <summary>Member profiles without an account, by pinyin of the name.</summary>
    public async Task<IReadOnlyList<MemberWithoutAccount>> WithoutAccountAsync(CancellationToken cancellationToken = default)
    {
        var linked = db.Set<MemberAccount>().Select(a => a.MemberId);
        var rows = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Latest && v.ContentType == MemberType && !linked.Contains(v.ContentItemId))
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, _) => new { v.ContentItemId, v.Title, v.Data })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MemberWithoutAccount(r.ContentItemId, r.Title, ProfileField(r.Data, "Sector"), ProfileField(r.Data, "Email")))
            .OrderBy(r => PublicitySite.Members.PinyinOrder.PersonName(r.Name), PublicitySite.Members.PinyinOrder.Comparer)];
    }

    /// <summary>
    /// Opens an account for each requested profile, with a user name from the pinyin of the name and a generated
    /// password the member must change at first sign-in; all or nothing, one audit line per account in the same
    /// commit. The passwords are in the answer only.
    /// </summary>
    public async Task<Result<IReadOnlyList<IssuedAccount>>> IssueAsync(Actor actor, IReadOnlyList<AccountRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requests);
        if (!MayIssue(actor))
        {
            return new Failure.Forbidden("您的角色无权开通委员账户（需要“管理用户”或“登记提案办理”权限）");
        }

        var wanted = requests.Where(r => !string.IsNullOrWhiteSpace(r.MemberId)).DistinctBy(r => r.MemberId.Trim()).ToList();
        if (wanted.Count == 0)
        {
            return new Failure.Invalid("members", "请至少选择一位委员");
        }

        if (wanted.Count > MaxBatch)
        {
            return new Failure.Invalid("members", $"一次最多开通 {MaxBatch} 个账户");
        }

        var open = (await WithoutAccountAsync(cancellationToken)).ToDictionary(m => m.MemberId);
        var errors = new List<FieldError>();
        foreach (var request in wanted)
        {
            if (!open.ContainsKey(request.MemberId.Trim()))
            {
                errors.Add(new FieldError("members", $"编号为“{request.MemberId.Trim()}”的委员资料不存在或已有账户"));
            }

            if (request.Email?.Trim() is { Length: > 0 } email && !IsEmail(email))
            {
                errors.Add(new FieldError("email", $"电子邮箱“{email}”格式不正确"));
            }
        }

        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }

        var issued = new List<IssuedAccount>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var request in wanted)
        {
            var member = open[request.MemberId.Trim()];
            var userName = await FreeUserNameAsync(member.Name, taken);
            var password = UserService.GeneratePassword();
            var email = request.Email?.Trim() is { Length: > 0 } given ? given : member.Email;
            var (user, failed) = await LinkAsync(actor, userName, member.MemberId, member.Name, password, generated: true, email, cancellationToken);
            if (user is null)
            {
                return new Failure.Invalid("members", $"{member.Name}：{string.Join("；", failed)}");
            }

            issued.Add(new IssuedAccount(member.MemberId, member.Name, userName, password));
        }

        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>张明华 → zhangminghua, or zhangminghua2 … when that name is taken.</summary>
    private async Task<string> FreeUserNameAsync(string name, HashSet<string> taken)
    {
        var stem = Pinyin.Full(PublicitySite.Members.PinyinOrder.PersonName(name));
        stem = stem.Length is >= 2 and <= 40 ? stem : "weiyuan";
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate) && await users.FindAsync(candidate) is null)
            {
                taken.Add(candidate);
                return candidate;
            }
        }
    }

    /// <summary>A text field of the profile's 委员信息 part (界别, the private 电子邮箱).</summary>
    internal static string? ProfileField(string data, string name) =>
        ContentData.Parse(data)["MemberPart"]?[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;

    internal static bool IsEmail(string text) =>
        text.Length <= 100 && System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && text.Contains('.', StringComparison.Ordinal);
}
