using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Seeding;
using PublicitySite.Storage;

namespace PublicitySite.Literature;

/// <summary>What to do with an imported collection beyond what its folder says.</summary>
public sealed record CollectionImportOptions
{
    /// <summary>Used when the folder has no <c>_collection.md</c>.</summary>
    public string? Title { get; init; }

    public int? Number { get; init; }

    /// <summary>Publish at once (an administrator's bulk load); otherwise everything waits as drafts for review.</summary>
    public bool Publish { get; init; }

    public string Author { get; init; } = "admin";
}

/// <summary>
/// Imports one collection (辑) from a folder: <c>_collection.md</c> (front matter: title, number, year, topic,
/// editor) and one article per Markdown or .docx file, in file-name order. Each file is remembered, so a
/// second run adds nothing twice; a bad file is reported and the rest still imports.
/// </summary>
public sealed class CollectionImporter(AppDbContext db, ContentManager contents)
{
    public const string CollectionFile = "_collection.md";

    public async Task<ImportReport> ImportAsync(string folder, CollectionImportOptions options, IProgress<(int Done, int Total, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var name = new DirectoryInfo(folder).Name;
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".md" or ".docx")
            .Where(f => Path.GetFileName(f) is not CollectionFile && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)) // Word's lock files
            .OrderBy(f => Path.GetFileName(f), NaturalOrder.Instance)
            .ToList();
        var collectionId = await CollectionAsync(folder, name, options, report, cancellationToken);
        if (collectionId is null)
        {
            return report;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = Path.GetFileName(files[i]);
            progress?.Report((i, files.Count, file));
            await ArticleAsync(files[i], $"collection:{name}/{file}", collectionId, i + 1, options, report, cancellationToken);
        }

        progress?.Report((files.Count, files.Count, ""));
        return report;
    }

    private async Task<string?> CollectionAsync(string folder, string name, CollectionImportOptions options, ImportReport report, CancellationToken cancellationToken)
    {
        var key = $"collection:{name}/{CollectionFile}";
        var existing = await db.ContentItems.AsNoTracking().Where(i => i.ImportKey == key && !i.Deleted).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            report.AlreadyPresent.Add(CollectionFile);
            return existing;
        }

        var file = Path.Combine(folder, CollectionFile);
        JsonObject values;
        try
        {
            values = File.Exists(file) ? Read(await File.ReadAllTextAsync(file, cancellationToken)).Values : [];
        }
        catch (FormatException ex)
        {
            report.Skipped.Add((CollectionFile, ex.Message));
            return null;
        }

        values.Remove("type");
        values.Remove("published");
        if (options.Title is { } title)
        {
            values["title"] = title;
        }

        if (options.Number is { } number)
        {
            values["number"] = number;
        }

        if (values["title"] is null || values["number"] is null)
        {
            report.Skipped.Add((CollectionFile, "缺少辑的标题或辑号：请提供 _collection.md（title、number）或 --title、--number"));
            return null;
        }

        return await CreateAsync(LiteratureIndexer.CollectionType, values, key, CollectionFile, options, report, cancellationToken);
    }

    private async Task ArticleAsync(string path, string key, string collectionId, int order, CollectionImportOptions options, ImportReport report, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        if (await db.ContentItems.AnyAsync(i => i.ImportKey == key, cancellationToken))
        {
            report.AlreadyPresent.Add(file);
            return;
        }

        JsonObject values;
        try
        {
            if (Path.GetExtension(path).Equals(".docx", StringComparison.OrdinalIgnoreCase))
            {
                var article = DocxReader.Read(path);
                values = new JsonObject { ["title"] = article.Title ?? Path.GetFileNameWithoutExtension(path), ["body"] = article.Markdown };
                if (article.Images > 0)
                {
                    report.Warnings.Add((file, $"文档含 {article.Images} 张图片，未随正文导入，请在媒体库上传后插入"));
                }
            }
            else
            {
                var matter = Read(await File.ReadAllTextAsync(path, cancellationToken));
                values = matter.Values;
                values["body"] = matter.Body;
                values["title"] ??= Path.GetFileNameWithoutExtension(path);
            }
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            report.Skipped.Add((file, $"无法读取：{ex.Message}"));
            return;
        }

        values.Remove("type");
        values.Remove("published");
        values["collection"] = collectionId;
        values["order"] ??= order;
        await CreateAsync(LiteratureIndexer.ArticleType, values, key, file, options, report, cancellationToken);
    }

    private async Task<string?> CreateAsync(string type, JsonObject values, string key, string file, CollectionImportOptions options, ImportReport report, CancellationToken cancellationToken)
    {
        var created = await contents.CreateAsync(type, values, options.Author, key, cancellationToken);
        if (created.Failure is { } failure)
        {
            report.Skipped.Add((file, failure.Detail));
            return null;
        }

        report.Imported.Add(file);
        if (options.Publish)
        {
            var published = await contents.PublishAsync(created.Value!.ContentItemId, cancellationToken: cancellationToken);
            if (published.Failure is { } notPublished)
            {
                report.Warnings.Add((file, "已导入但未发布：" + notPublished.Detail));
            }
            else
            {
                report.Published++;
            }
        }

        return created.Value!.ContentItemId;
    }

    /// <summary>Front matter when the file has it; otherwise a leading “# 标题” line names the article.</summary>
    private static FrontMatter Read(string text)
    {
        text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return FrontMatter.Parse(text);
        }

        var values = new JsonObject();
        var lines = text.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first >= 0 && lines[first].StartsWith("# ", StringComparison.Ordinal))
        {
            values["title"] = lines[first][2..].Trim();
            lines.RemoveAt(first);
        }

        return new FrontMatter(values, string.Join('\n', lines).Trim() + "\n");
    }

    /// <summary>File names with numbers in their natural order (2 before 10), as people number chapters.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static NaturalOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var a = Key(x ?? "");
            var b = Key(y ?? "");
            var byNumber = a.Number.CompareTo(b.Number);
            return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
        }

        private static (long Number, string Name) Key(string name)
        {
            var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
            return (digits.Length is > 0 and < 18 ? long.Parse(digits, CultureInfo.InvariantCulture) : long.MaxValue, name);
        }
    }
}
