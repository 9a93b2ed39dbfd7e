using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Seeding;

/// <summary>
/// Imports a folder of Markdown files with front matter (the format of <c>content-seed/</c>). Each file is
/// remembered by its path, so importing the same folder again adds nothing twice. A bad file is skipped with
/// a warning that names it; the rest still imports.
/// </summary>
public sealed partial class ContentImporter(AppDbContext db, ContentManager contents, SiteDefinitionStore definitions, TimeProvider clock, ILogger<ContentImporter> logger)
{
    /// <summary>Types that others point at are imported first, so pickers can find them by title.</summary>
    private static readonly string[] Order = ["Member", "LiteratureCollection"];

    public async Task<ImportReport> ImportFolderAsync(string folder, string author, IProgress<(int Done, int Total, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(f => (File: f, Key: "import:" + Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .ToList();

        var parsed = new List<(string File, string Key, FrontMatter Matter, string Type)>();
        foreach (var (file, key) in files)
        {
            try
            {
                var matter = FrontMatter.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                var type = matter.Values["type"]?.ToString();
                if (string.IsNullOrWhiteSpace(type))
                {
                    throw new FormatException("开头的元数据没有 type");
                }

                parsed.Add((file, key, matter, type));
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                Skip(report, folder, file, ex.Message);
            }
        }

        var ordered = parsed
            .OrderBy(p => Array.IndexOf(Order, p.Type) is var i && i < 0 ? Order.Length : i)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        // One transaction for the whole folder: a file that fails half-way undoes the import, never leaving
        // some of its files in and the rest out.
        await contents.RunBatchAsync(
            async ct =>
            {
                var done = 0;
                foreach (var (file, key, matter, type) in ordered)
                {
                    var relative = Path.GetRelativePath(folder, file);
                    progress?.Report((done++, ordered.Count, relative));
                    try
                    {
                        await ImportOneAsync(folder, file, key, matter, type, author, report, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        throw new ContentImportException(relative, ex);
                    }

                    // Each item is finished and saved: letting the tracker keep it made every later save compare all
                    // earlier items again, so an import grew with the square of its size.
                    db.ChangeTracker.Clear();
                }
            },
            cancellationToken);
        progress?.Report((ordered.Count, ordered.Count, ""));
        return report;
    }

    private async Task ImportOneAsync(string folder, string file, string key, FrontMatter matter, string typeName, string author, ImportReport report, CancellationToken cancellationToken)
    {
        var relative = Path.GetRelativePath(folder, file);
        if (await db.ContentItems.AnyAsync(i => i.ImportKey == key, cancellationToken))
        {
            report.AlreadyPresent.Add(relative);
            return;
        }

        var site = definitions.Current;
        if (site.FindType(typeName) is not { } type)
        {
            Skip(report, folder, file, $"未知的内容类型“{typeName}”");
            return;
        }

        var values = (JsonObject)matter.Values.DeepClone();
        values["body"] = matter.Body;
        if (typeName == "LiteratureArticle" && values["collection"] is null)
        {
            values["collection"] = await CollectionOfFolderAsync(folder, file, cancellationToken);
        }

        await ResolvePickersAsync(site, type, values, relative, report, cancellationToken);
        var unknown = values.Select(kv => kv.Key)
            .Where(k => !ContentMapper.IsMeta(k) && k is not "body" and not "draft" && !KnownKey(site, type, k))
            .ToList();
        foreach (var name in unknown)
        {
            values.Remove(name);
            report.Warnings.Add((relative, $"未知字段“{name}”，已忽略"));
        }

        DateTime? published = null;
        if (values["published"] is { } when)
        {
            if (!DateTimeOffset.TryParse(when.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                Skip(report, folder, file, $"published 不是日期：{when}");
                return;
            }

            published = date.UtcDateTime;
        }

        var created = await contents.CreateAsync(type.Name, values, author, key, cancellationToken);
        if (created.Failure is { } failure)
        {
            Skip(report, folder, file, string.Join("；", failure.Messages));
            return;
        }

        report.Imported.Add(relative);
        if (values["draft"]?.ToString() is "true")
        {
            return;
        }

        var result = await contents.PublishAsync(created.Value!.ContentItemId, recordedUtc: published ?? clock.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
        if (result.Failure is { } notPublished)
        {
            report.Warnings.Add((relative, "已导入，未能发布：" + string.Join("；", notPublished.Messages)));
        }
        else
        {
            report.Published++;
        }
    }

    private static bool KnownKey(SiteDefinition site, ContentTypeDefinition type, string key) =>
        site.FieldsOf(type).Any(f => f.Field.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
        || key.Equals("name", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pickers may name items by title in a file; stored values are ids.</summary>
    private async Task ResolvePickersAsync(SiteDefinition site, ContentTypeDefinition type, JsonObject values, string relative, ImportReport report, CancellationToken cancellationToken)
    {
        foreach (var (_, field) in site.FieldsOf(type).Where(f => f.Field.Type == FieldType.ContentPicker))
        {
            var key = values.Select(kv => kv.Key).FirstOrDefault(k => k.Equals(field.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null || values[key] is null)
            {
                continue;
            }

            var wanted = values[key] is JsonArray array ? array.Select(n => n?.ToString() ?? "").ToList() : [values[key]!.ToString()];
            var ids = new JsonArray();
            foreach (var name in wanted.Where(n => n.Length > 0))
            {
                var id = await db.ContentItemVersions.AsNoTracking()
                    .Where(v => v.Latest && v.ContentType == field.ContentType && (v.Title == name || v.ContentItemId == name))
                    .Select(v => v.ContentItemId)
                    .FirstOrDefaultAsync(cancellationToken);
                if (id is null)
                {
                    report.Warnings.Add((relative, $"{field.Name}：没有名为“{name}”的 {field.ContentType}"));
                }
                else
                {
                    ids.Add(id);
                }
            }

            values[key] = ids;
        }
    }

    private async Task<JsonNode?> CollectionOfFolderAsync(string folder, string file, CancellationToken cancellationToken)
    {
        var collectionFile = Path.Combine(Path.GetDirectoryName(file)!, "_collection.md");
        var key = "import:" + Path.GetRelativePath(folder, collectionFile).Replace('\\', '/');
        var id = await db.ContentItems.AsNoTracking().Where(i => i.ImportKey == key).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : JsonValue.Create(id);
    }

    private void Skip(ImportReport report, string folder, string file, string problem)
    {
        var relative = Path.GetRelativePath(folder, file);
        report.Skipped.Add((relative, problem));
        LogSkipped(relative, problem);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {File}: {Problem}")]
    private partial void LogSkipped(string file, string problem);
}
