using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Media;
using PublicitySite.Storage;

namespace PublicitySite.SiteMigration;

/// <summary>One line of the map as people read it: the old address and where it leads now (null while the item is unpublished).</summary>
public sealed record LegacyMapping(string OldPath, LegacyKind Kind, string? NewPath, string? Title);

/// <summary>Reads of the 301 map: one address for the host, searches for the admin, CSV and nginx exports.</summary>
public sealed class LegacyAddressMap(AppDbContext db)
{
    /// <summary>The new address for an old one, or null (unknown, or its item is not public).</summary>
    public async Task<string?> TargetAsync(string oldPath, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<LegacyAddress>().AsNoTracking().FirstOrDefaultAsync(a => a.OldPath == oldPath, cancellationToken);
        return row is null ? null : await TargetAsync(row, cancellationToken);
    }

    public async Task<HashSet<string>> AllPathsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<LegacyAddress>().AsNoTracking().Select(a => a.OldPath).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Rows whose old or new address contains <paramref name="search"/>, old addresses in order.</summary>
    public async Task<(int Total, IReadOnlyList<LegacyMapping> Rows)> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var rows = Rows();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            rows = rows.Where(r => r.OldPath.Contains(term) || (r.Path != null && r.Path.Contains(term.TrimStart('/'))) || (r.ColumnKey != null && r.ColumnKey.Contains(term.Replace("/column/", "", StringComparison.Ordinal))));
        }

        var total = await rows.CountAsync(cancellationToken);
        var list = await rows.OrderBy(r => r.OldPath).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (total, list.Select(Map).ToList());
    }

    /// <summary>Every mapped address: <c>旧地址,新地址,类型,标题</c>, UTF-8 with a BOM so Excel reads the Chinese.</summary>
    public async Task<string> CsvAsync(CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder("\uFEFF旧地址,新地址,类型,标题\r\n");
        foreach (var row in (await Rows().OrderBy(r => r.OldPath).ToListAsync(cancellationToken)).Select(Map))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Csv(row.OldPath)},{Csv(row.NewPath ?? "")},{KindName(row.Kind)},{Csv(row.Title ?? "")}\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// An nginx <c>map</c> body (<c>include</c> it inside <c>map $request_uri $publicity_moved { … }</c>) so the
    /// front server answers old addresses itself; only addresses with a public target are listed.
    /// </summary>
    public async Task<string> NginxMapAsync(CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        text.Append("# 旧网站地址 → 新地址（301）。用法：\n# map $request_uri $publicity_moved { default \"\"; include this-file; }\n# if ($publicity_moved) { return 301 $publicity_moved; }\n");
        foreach (var row in (await Rows().OrderBy(r => r.OldPath).ToListAsync(cancellationToken)).Select(Map).Where(r => r.NewPath is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Nginx(row.OldPath)} {Nginx(row.NewPath!)};\n");
        }

        return text.ToString();
    }

    /// <summary>The latest runs, newest first, with their reports (an unfinished one is resumed by the next run).</summary>
    public async Task<IReadOnlyList<MigrationRun>> RecentRunsAsync(int take, CancellationToken cancellationToken = default) =>
        await db.Set<MigrationRun>().AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    public static string KindName(LegacyKind kind) => kind switch
    {
        LegacyKind.Article => "文章",
        LegacyKind.List => "栏目页",
        _ => "文件",
    };

    private async Task<string?> TargetAsync(LegacyAddress row, CancellationToken cancellationToken) => row.Kind switch
    {
        LegacyKind.List => row.ColumnKey is null ? null : "/column/" + row.ColumnKey,
        LegacyKind.File => row.MediaId is null ? null : MediaUrls.Stable(row.MediaId),
        _ => await db.ContentItems.AsNoTracking()
            .Where(i => i.Id == row.ContentItemId && i.PublishedVersion != null && !i.Deleted && i.Path != null)
            .Select(i => "/" + i.Path)
            .FirstOrDefaultAsync(cancellationToken),
    };

    private IQueryable<Row> Rows() =>
        from a in db.Set<LegacyAddress>().AsNoTracking()
        join i in db.ContentItems.AsNoTracking() on a.ContentItemId equals i.Id into items
        from i in items.DefaultIfEmpty()
        select new Row
        {
            OldPath = a.OldPath,
            Kind = a.Kind,
            ColumnKey = a.ColumnKey,
            MediaId = a.MediaId,
            Path = i != null && i.PublishedVersion != null && !i.Deleted ? i.Path : null,
            Title = i != null ? db.ContentItemVersions.Where(v => v.ContentItemId == i.Id && v.Latest).Select(v => v.Title).FirstOrDefault() : null,
        };

    private static LegacyMapping Map(Row r) => new(r.OldPath, r.Kind, r.Kind switch
    {
        LegacyKind.List => r.ColumnKey is null ? null : "/column/" + r.ColumnKey,
        LegacyKind.File => r.MediaId is null ? null : MediaUrls.Stable(r.MediaId),
        _ => r.Path is null ? null : "/" + r.Path,
    }, r.Title);

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>nginx map keys and values: quoted, with quotes, backslashes and <c>$</c> escaped.</summary>
    private static string Nginx(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "\"";

    private sealed class Row
    {
        public required string OldPath { get; init; }

        public LegacyKind Kind { get; init; }

        public string? ColumnKey { get; init; }

        public string? MediaId { get; init; }

        public string? Path { get; init; }

        public string? Title { get; init; }
    }
}
