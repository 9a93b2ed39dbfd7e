using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Storage;
using PublicitySite.Users;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>
/// 委员 accounts: a user of the recipe's <see cref="Role"/> linked to one member profile item. Added one by one
/// by the office (the <c>user add … --role Member --member</c> verb, the admin's 委员账户 page) or in bulk from the
/// member directory; the link is what the portal goes by.
/// </summary>
public sealed partial class MemberAccounts(AppDbContext db, UserService users, AuditLog audit, CommandAccess access)
{
    public const string Role = "Member";

    public const string MemberType = "Member";

    /// <summary>Adds the user and links it to the profile, or changes nothing and says why.</summary>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> AddAsync(Actor actor, string name, string? memberId, string password, bool generated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        memberId = memberId?.Trim();
        if (string.IsNullOrEmpty(memberId))
        {
            return (null, ["委员账户须用 --member 指定委员资料的编号（委员风采中的内容编号）"]);
        }

        var profile = await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == memberId && v.Latest && v.ContentType == MemberType)
            .Join(db.ContentItems.Where(i => !i.Deleted), v => v.ContentItemId, i => i.Id, (v, _) => v.Title)
            .FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return (null, [$"没有编号为“{memberId}”的委员资料"]);
        }

        if (await db.Set<MemberAccount>().FirstOrDefaultAsync(a => a.MemberId == memberId, cancellationToken) is { } taken)
        {
            return (null, [$"委员“{profile}”已有账户“{taken.UserName}”"]);
        }

        // Identity shares this context: the user, its link and the audit line commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (user, errors) = await LinkAsync(actor, name, memberId, profile, password, generated, null, cancellationToken);
        if (user is null)
        {
            return (null, errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return (user, []);
    }

    private async Task<(AppUser? User, IReadOnlyList<string> Errors)> LinkAsync(Actor actor, string name, string memberId, string profile, string password, bool generated, string? email, CancellationToken cancellationToken)
    {
        var (user, errors) = await users.AddAsync(name, Role, password, profile, generated);
        if (user is null)
        {
            return (null, errors);
        }

        if (!string.IsNullOrEmpty(email))
        {
            user.Email = email;
            user.NormalizedEmail = email.ToUpperInvariant();
        }

        db.Set<MemberAccount>().Add(new MemberAccount { UserName = user.UserName!, MemberId = memberId, Name = profile });
        audit.Stage(actor.Name, AuditActions.MemberAccountLinked, user.UserName, $"{user.UserName} → 委员 {profile}（{memberId}）{(generated ? "，生成初始密码" : "")}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return (user, []);
    }

    /// <summary>The member an account is, or null for any other user.</summary>
    public Task<MemberAccount?> OfAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Set<MemberAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken);

    /// <summary>
    /// Members with an account found by <paramref name="query"/>, for inviting co-signers: a part of the name
    /// (张), or letters — the full pinyin of the name or its start (zhangsan, zhang), or its initials (zs).
    /// </summary>
    public async Task<IReadOnlyList<MemberAccount>> SearchAsync(string? query, string exceptUser, CancellationToken cancellationToken = default)
    {
        query = query?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return [];
        }

        var others = db.Set<MemberAccount>().AsNoTracking().Where(a => a.UserName != exceptUser);
        var letters = new string([.. query.Where(char.IsAsciiLetter)]).ToLowerInvariant();
        if (letters.Length == 0 || letters.Length != query.Count(c => !char.IsWhiteSpace(c)))
        {
            return await others.Where(a => a.Name.Contains(query)).OrderBy(a => a.Name).Take(20).ToListAsync(cancellationToken);
        }

        // Names are few (a committee's members): their pinyin is worked out here rather than kept in a column.
        return [.. (await others.ToListAsync(cancellationToken))
            .Where(a => SpelledBy(PublicitySite.Members.PinyinOrder.PersonName(a.Name), letters))
            .OrderBy(a => a.Name, PublicitySite.Members.PinyinOrder.Comparer).Take(20)];
    }

    private static bool SpelledBy(string name, string letters) =>
        PublicitySite.Contents.Pinyin.Full(name).StartsWith(letters, StringComparison.Ordinal)
        || PublicitySite.Contents.Pinyin.Initials(name).StartsWith(letters, StringComparison.Ordinal);
}
