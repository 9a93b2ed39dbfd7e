using System.CommandLine;
using PublicitySite.Recipes;
using PublicitySite.Search;
using PublicitySite.Seeding;
using Spectre.Console;

namespace PublicitySite.Web.Cli;

internal static class ContentCommands
{
    public static Command Recipe(WebApplication app)
    {
        var file = new Argument<FileInfo>("file") { Description = "配方 JSON 文件" };
        var apply = new Command("apply", "应用配方（全部校验通过才生效）") { file };
        apply.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在：{path.FullName}");
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var applied = await scope.ServiceProvider.GetRequiredService<RecipeService>().ApplyFileAsync(path.FullName, cancellationToken);
                Console.WriteLine($"已应用配方 {path.Name}：{applied.Types.Count} 个内容类型，{applied.Columns.Count} 个栏目，{applied.Roles.Count} 个角色。");
                return 0;
            }
            catch (RecipeException ex)
            {
                await Console.Error.WriteLineAsync($"配方有误，未做任何修改：{ex.Message}");
                return 1;
            }
        });
        return new Command("recipe", "配方") { apply };
    }

    public static Command Import(WebApplication app)
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "含 Markdown（带 front matter）文件的目录" };
        var import = new Command("import", "导入内容（已导入过的文件会跳过）") { path };
        import.SetAction(async (result, cancellationToken) =>
        {
            var folder = result.GetValue(path)!;
            if (!folder.Exists)
            {
                await Console.Error.WriteLineAsync(CommandLine.MissingFolder(folder));
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ContentImporter>();
            ImportReport report = null!;
            try
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("导入");
                    var progress = new Progress<(int Done, int Total, string File)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = Markup.Escape(p.File.Length > 0 ? p.File : "导入");
                    });
                    report = await importer.ImportFolderAsync(folder.FullName, "admin", progress, cancellationToken);
                });
            }
            catch (ContentImportException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            var table = new Table().AddColumns("文件", "结果");
            report.Imported.ForEach(f => table.AddRow(Markup.Escape(f), "[green]已导入[/]"));
            report.AlreadyPresent.ForEach(f => table.AddRow(Markup.Escape(f), "已存在，跳过"));
            report.Skipped.ForEach(s => table.AddRow(Markup.Escape(s.File), "[red]" + Markup.Escape(s.Problem) + "[/]"));
            report.Warnings.ForEach(w => table.AddRow(Markup.Escape(w.File), "[yellow]" + Markup.Escape(w.Warning) + "[/]"));
            AnsiConsole.Write(table);
            Console.WriteLine($"导入 {report.Imported.Count} 项，发布 {report.Published} 项，已存在 {report.AlreadyPresent.Count} 项，跳过 {report.Skipped.Count} 个文件。");
            return report.Skipped.Count > 0 ? 1 : 0;
        });
        return import;
    }

    public static Command Reindex(WebApplication app)
    {
        var reindex = new Command("reindex", "从数据库重建搜索索引");
        reindex.SetAction(async (_, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var rebuilder = scope.ServiceProvider.GetService<ISearchIndexRebuilder>();
            if (rebuilder is null)
            {
                await Console.Error.WriteLineAsync("本站未启用搜索索引。");
                return 1;
            }

            var count = 0;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("重建索引");
                var progress = new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                count = await rebuilder.RebuildAsync(progress, cancellationToken);
            });
            Console.WriteLine($"索引已重建：{count} 篇。");
            return 0;
        });
        return reindex;
    }
}
