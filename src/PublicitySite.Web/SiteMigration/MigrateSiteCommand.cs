using System.CommandLine;
using PublicitySite.SiteMigration;
using PublicitySite.Storage;
using PublicitySite.Web.Cli;
using Spectre.Console;

namespace PublicitySite.Web.SiteMigration;

/// <summary>
/// <c>migrate-site --config &lt;file.json&gt; [--dry-run] [--publish] [--max-pages N]</c>: moves an old website in.
/// Exit 2 for a malformed mapping file (the key is named), 1 when the old site cannot be reached (nothing
/// written), 0 when the run went through (failed pages are in the report).
/// </summary>
internal static class MigrateSiteCommand
{
    public static Command Create(WebApplication app)
    {
        var config = new Option<FileInfo>("--config") { Description = "映射文件（JSON：baseUrl、start、follow、items、selectors、dateFormats、requestsPerSecond）", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "只抓取和解析，列出将导入的文章和问题，不写入任何内容" };
        var publish = new Option<bool>("--publish") { Description = "导入后直接发布（管理员批量导入，整批记入审计）；默认存为草稿待审核" };
        var maxPages = new Option<int?>("--max-pages") { Description = "本次最多抓取的页面数（栏目页与文章页），下次运行从停下处继续" };
        var command = new Command("migrate-site", "从旧网站迁移文章、图片、附件和旧地址（301 跳转）") { config, dryRun, publish, maxPages };
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(config)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"映射文件不存在：{file.FullName}");
                return CommandLine.UsageError;
            }

            if (result.GetValue(maxPages) is < 1)
            {
                await Console.Error.WriteLineAsync("--max-pages 应为正整数");
                return CommandLine.UsageError;
            }

            MigrationMapping mapping;
            try
            {
                mapping = MigrationMapping.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            }
            catch (MappingException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return CommandLine.UsageError;
            }

            if (await SiteMigrator.ProbeAsync(mapping, cancellationToken) is { } unreachable)
            {
                await Console.Error.WriteLineAsync(unreachable + "。未写入任何内容。");
                return 1;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<SiteMigrator>();
            var options = new MigrationOptions(CommandLine.Operator, result.GetValue(dryRun), result.GetValue(publish), result.GetValue(maxPages));
            MigrationReport report;
            try
            {
                report = await RunWithProgressAsync(migrator, mapping, options, cancellationToken);
            }
            catch (MappingException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return CommandLine.UsageError;
            }

            var text = report.ToText();
            Console.WriteLine(text);
            if (!options.DryRun)
            {
                var path = await MigrationReportFile.SaveAsync(app.Services.GetRequiredService<SitePaths>(), report, text, cancellationToken);
                Console.WriteLine($"报告已保存：{path}");
            }

            return 0;
        });
        return command;
    }

    private static async Task<MigrationReport> RunWithProgressAsync(SiteMigrator migrator, MigrationMapping mapping, MigrationOptions options, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes get a line now and then instead of a bar redrawn in place.
            var last = DateTime.MinValue;
            var lines = new Progress<MigrationProgress>(p =>
            {
                if (DateTime.UtcNow - last > TimeSpan.FromSeconds(2) || p.Done == p.Total)
                {
                    last = DateTime.UtcNow;
                    Console.WriteLine($"{p.Phase} {p.Done}/{p.Total}：导入 {p.Report.Imported}，更新 {p.Report.Updated}，跳过 {p.Report.Skipped}，失败 {p.Report.Failed}");
                }
            });
            return await migrator.RunAsync(mapping, options, lines, cancellationToken);
        }

        MigrationReport report = null!;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("网站迁移");
            var progress = new Progress<MigrationProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
                task.Description = Markup.Escape($"{p.Phase} 导入{p.Report.Imported} 更新{p.Report.Updated} 跳过{p.Report.Skipped} 失败{p.Report.Failed}");
            });
            report = await migrator.RunAsync(mapping, options, progress, cancellationToken);
        });
        return report;
    }
}
