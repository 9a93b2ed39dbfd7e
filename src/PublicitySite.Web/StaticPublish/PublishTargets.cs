using PublicitySite.Web.Caching;

namespace PublicitySite.Web.StaticPublish;

/// <summary>
/// The publish directories (the main one and, for 内外网分离, the external server's), written the same way:
/// a page at <c>/path</c> as <c>path/index.html</c>, a path naming a file (<c>/sitemap.xml</c>) as that
/// file, each with <c>.gz</c> and <c>.br</c> beside it. Every file is written to a temporary name and renamed
/// over the old one, so a reader (nginx) sees the old page or the new one, never half of one.
/// </summary>
internal sealed class PublishTargets(IReadOnlyList<string> directories)
{
    public IReadOnlyList<string> Directories { get; } = directories;

    /// <summary>The file a public path is written to, relative to a publish directory; null for paths that cannot be files.</summary>
    public static string? RelativeFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('?', 2);
        // A list's further pages (?page=2) as page-2.html beside its index.html; the sample nginx
        // configuration maps the query to that name.
        var page = parts.Length == 2 && parts[1].StartsWith("page=", StringComparison.Ordinal) && int.TryParse(parts[1][5..], out var number) && number > 1
            ? $"page-{number}.html"
            : "index.html";
        if (parts.Length == 2 && page == "index.html" && parts[1] != "page=1")
        {
            return null;
        }

        var clean = parts[0];
        if (clean is "" or "/")
        {
            return page;
        }

        var segments = clean.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments.Any(s => s is "" or "." or ".." || s.IndexOfAny(['\\', '\0']) >= 0 || s.StartsWith('.')))
        {
            return null;
        }

        var relative = Path.Combine(segments);
        if (segments[^1].Contains('.', StringComparison.Ordinal))
        {
            return page == "index.html" ? relative : null;
        }

        return Path.Combine(relative, page);
    }

    public async Task WriteAsync(string relativeFile, FastPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var directory in Directories)
        {
            var file = Path.Combine(directory, relativeFile);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // Compressed copies first: nginx's gzip_static looks for them beside the page it has chosen.
            await ReplaceAsync(file + ".gz", page.Gzip, cancellationToken);
            await ReplaceAsync(file + ".br", page.Brotli, cancellationToken);
            await ReplaceAsync(file, page.Identity, cancellationToken);
        }
    }

    public void Delete(string relativeFile)
    {
        foreach (var directory in Directories)
        {
            var file = Path.Combine(directory, relativeFile);
            if (!Directory.Exists(Path.GetDirectoryName(file)))
            {
                continue;
            }

            foreach (var each in new[] { file, file + ".gz", file + ".br" })
            {
                File.Delete(each);
            }
        }
    }

    /// <summary>Copies a folder of files (the theme's assets) under every directory, styles and scripts with compressed copies.</summary>
    public async Task CopyTreeAsync(string from, string relativeTo, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.Combine(relativeTo, Path.GetRelativePath(from, source));
            var bytes = await File.ReadAllBytesAsync(source, cancellationToken);
            var type = Path.GetExtension(source) switch { ".css" => "text/css", ".js" => "text/javascript", ".svg" => "image/svg+xml", _ => "" };
            var page = FastPage.Create(StatusCodes.Status200OK, new HeaderDictionary { [Microsoft.Net.Http.Headers.HeaderNames.ContentType] = type }, bytes, []);
            foreach (var directory in Directories)
            {
                var target = Path.Combine(directory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await ReplaceAsync(target + ".gz", page.Gzip, cancellationToken);
                await ReplaceAsync(target + ".br", page.Brotli, cancellationToken);
                await ReplaceAsync(target, bytes, cancellationToken);
            }
        }
    }

    /// <summary>Files under each directory that look like published pages, relative to it (for removing leftovers).</summary>
    public static IEnumerable<string> PublishedFiles(string directory) =>
        !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f))
                .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal) && !f.Contains(".tmp-", StringComparison.Ordinal));

    private static async Task ReplaceAsync(string file, byte[]? bytes, CancellationToken cancellationToken)
    {
        if (bytes is null)
        {
            // Not worth compressing (an image): no stale copy may stay beside it.
            File.Delete(file);
            return;
        }

        var temporary = $"{file}.tmp-{Guid.NewGuid():N}";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
