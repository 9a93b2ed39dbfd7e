using System.Diagnostics;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Literature;

/// <summary>The <c>import-collection</c> verb, run as a person runs it: the web host's binary with arguments.</summary>
public sealed class ImportCollectionCommandTests
{
    [Fact]
    public async Task The_verb_imports_a_folder_reports_each_file_and_fails_when_a_file_was_refused()
    {
        using var work = new TestDirectory();
        var folder = Path.Combine(work.Path, "vol-8");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "_collection.md"), "---\ntitle: 第八辑 · 命令行导入\nnumber: 8\n---\n说明。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "01-first.md"), "# 第一篇\n\n## 一\n\n正文。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "02-broken.docx"), "这不是 Word 文件");

        var (code, output) = await RunAsync(work.Path, "import-collection", folder, "--publish", "--data-dir", Path.Combine(work.Path, "data"));

        Assert.Equal(1, code);
        Assert.Contains("01-first.md", output);
        Assert.Contains("已导入并发布", output);
        Assert.Contains("02-broken.docx", output);
        Assert.Contains("导入 2 个文件，发布 2 项，已存在 0 个，失败 1 个。", output);

        var (missingCode, missingOutput) = await RunAsync(work.Path, "import-collection", Path.Combine(work.Path, "nowhere"), "--data-dir", Path.Combine(work.Path, "data"));
        Assert.Equal(2, missingCode);
        Assert.Contains("目录不存在", missingOutput);
    }

    private static async Task<(int Code, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PUBLICITY_ADMIN_PASSWORD"] = "admin-password-1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
