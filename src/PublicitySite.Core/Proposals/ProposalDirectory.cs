using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Proposals;

/// <summary>The lists the office picks names from, so one unit or sector is always written the same way.</summary>
public enum ProposalDirectoryKind
{
    /// <summary>承办单位名录: 主办 and 协办 units of 交办.</summary>
    Unit,

    /// <summary>界别名录: the proposer's 界别 at filing.</summary>
    Sector,
}

/// <summary>One name of a directory.</summary>
internal sealed class ProposalDirectoryEntry
{
    public long Id { get; set; }

    public ProposalDirectoryKind Kind { get; init; }

    public required string Name { get; init; }

    public int SortOrder { get; set; }
}

internal sealed class ProposalDirectoryEntryConfiguration : IEntityTypeConfiguration<ProposalDirectoryEntry>
{
    public void Configure(EntityTypeBuilder<ProposalDirectoryEntry> e)
    {
        e.ToTable("ProposalDirectory");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Name).HasMaxLength(ProposalDirectory.MaxName);
        e.HasIndex(x => new { x.Kind, x.Name }).IsUnique();
    }
}

/// <summary>
/// 承办单位名录 and 界别名录: kept by the office (<c>proposals.record</c>), replaced whole from CSV (one name per
/// line, an optional 名称 header) and exported the same way. While a directory holds names, 交办 and filing take
/// only those names (<see cref="ProposalOffice"/>), so statistics never split over two spellings of one unit.
/// An empty directory leaves the field free, as before any list was kept.
/// </summary>
public sealed class ProposalDirectory(AppDbContext db, CommandAccess access, AuditLog audit)
{
    public const int MaxName = 100;

    public const int MaxNames = 2000;

    public static string Title(ProposalDirectoryKind kind) => kind == ProposalDirectoryKind.Unit ? "承办单位名录" : "界别名录";

    public async Task<IReadOnlyList<string>> NamesAsync(ProposalDirectoryKind kind, CancellationToken cancellationToken = default) =>
        await db.Set<ProposalDirectoryEntry>().AsNoTracking().Where(e => e.Kind == kind)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Id).Select(e => e.Name).ToListAsync(cancellationToken);

    /// <summary>Null when <paramref name="name"/> may be used (it is listed, or the directory is empty); else why not.</summary>
    public async Task<string?> RefuseAsync(ProposalDirectoryKind kind, string label, string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || !await db.Set<ProposalDirectoryEntry>().AnyAsync(e => e.Kind == kind, cancellationToken))
        {
            return null;
        }

        var trimmed = name.Trim();
        return await db.Set<ProposalDirectoryEntry>().AnyAsync(e => e.Kind == kind && e.Name == trimmed, cancellationToken)
            ? null
            : $"{label}“{trimmed}”不在{Title(kind)}中，请从名录中选择（名录在“提案办理 › 名录”维护）";
    }

    /// <summary>Replaces the directory with the CSV's names, all or nothing; the answer is the number of names.</summary>
    public async Task<Result<int>> ImportAsync(Actor actor, ProposalDirectoryKind kind, string? csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.RecordProposals) is { } denied)
        {
            return denied;
        }

        var names = new List<string>();
        var problems = new List<FieldError>();
        var rows = ProposalCsv.Parse(csv ?? "");
        for (var i = 0; i < rows.Count; i++)
        {
            var name = rows[i].FirstOrDefault()?.Trim() ?? "";
            if (name.Length == 0 || (i == 0 && name == "名称"))
            {
                continue;
            }

            if (name.Length > MaxName)
            {
                problems.Add(new FieldError("csv", $"第 {i + 1} 行：名称超过 {MaxName} 字"));
            }
            else if (name.Contains('、') || name.Contains('|'))
            {
                problems.Add(new FieldError("csv", $"第 {i + 1} 行：“{name}”含有“、”或“|”，每行只写一个名称"));
            }
            else if (names.Contains(name))
            {
                problems.Add(new FieldError("csv", $"第 {i + 1} 行：“{name}”重复"));
            }
            else
            {
                names.Add(name);
            }
        }

        if (names.Count == 0 && problems.Count == 0)
        {
            problems.Add(new FieldError("csv", "文件中没有名称：每行一个名称，第一行可为表头“名称”"));
        }

        if (names.Count > MaxNames)
        {
            problems.Add(new FieldError("csv", $"名称不超过 {MaxNames} 个"));
        }

        if (problems.Count > 0)
        {
            return new Failure.Invalid([.. problems.Take(20)], $"{Title(kind)}未导入");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ProposalDirectoryEntry>().Where(e => e.Kind == kind).ExecuteDeleteAsync(cancellationToken);
        db.Set<ProposalDirectoryEntry>().AddRange(names.Select((n, i) => new ProposalDirectoryEntry { Kind = kind, Name = n, SortOrder = i }));
        audit.Stage(actor.Name, AuditActions.ProposalDirectory, Title(kind), $"导入 {names.Count} 个名称", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return names.Count;
    }

    /// <summary>The directory as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese).</summary>
    public async Task<byte[]> ExportAsync(ProposalDirectoryKind kind, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder("\uFEFF名称\r\n");
        foreach (var name in await NamesAsync(kind, cancellationToken))
        {
            text.Append(name.Contains(',') || name.Contains('"') ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
