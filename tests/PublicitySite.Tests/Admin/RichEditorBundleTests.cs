using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Admin;

/// <summary>
/// The committed editor bundle must be the build of the committed sources: its first line records a SHA-256
/// over them (computed by build.mjs), recomputed here the same way without Node.
/// </summary>
public sealed partial class RichEditorBundleTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "PublicitySite.Web", "Admin", "Editor");

    [Fact]
    public void The_committed_bundle_was_built_from_the_committed_sources_and_lock_file()
    {
        var header = File.ReadLines(Path.Combine(Folder, "Assets", "rich-editor.js")).First();
        var recorded = Recorded().Match(header);
        Assert.True(recorded.Success, "rich-editor.js starts with its sources-sha256 line");
        Assert.True(File.Exists(Path.Combine(Folder, "package-lock.json")), "the lock file is committed beside the sources");
        Assert.True(recorded.Groups[1].Value == SourceHash(),
            "Admin/Editor/Assets/rich-editor.js is out of date: run Admin/Editor/build.sh and commit the bundle");
        Assert.True(new FileInfo(Path.Combine(Folder, "Assets", "rich-editor.css")).Length > 1000, "the editor's styles are built too");
    }

    [Fact]
    public void The_bundle_loads_nothing_from_another_host()
    {
        var script = File.ReadAllText(Path.Combine(Folder, "Assets", "rich-editor.js"));
        Assert.DoesNotMatch(@"import\s*\(\s*[""']https?:", script);
        Assert.DoesNotContain("cdn.", script, StringComparison.OrdinalIgnoreCase);
    }

    private static string SourceHash()
    {
        var files = new List<string> { "build.mjs", "package.json", "package-lock.json" };
        files.AddRange(Directory.GetFiles(Path.Combine(Folder, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => "src/" + f));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(Folder, file)).Replace("\r\n", "\n", StringComparison.Ordinal)));
            hash.AppendData(Encoding.UTF8.GetBytes("\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [GeneratedRegex("sources-sha256=([0-9a-f]{64})")]
    private static partial Regex Recorded();
}
