using System.CommandLine;
using PublicitySite.Literature;
using PublicitySite.Seeding;
using PublicitySite.Web.Cli;
using Spectre.Console;

namespace PublicitySite.Web.Literature;

/// <summary><c>import-collection &lt;folder&gt; [--publish] [--title] [--number] [--as]</c>: one 辑 from Markdown or .docx files.</summary>
internal static class LiteratureCommands
{
    public static Command ImportCollection(WebApplication app)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "一辑的目录：_collection.md 与每篇一个 .md 或 .docx 文件（按文件名顺序）" };
        var publish = new Option<bool>("--publish") { Description = "导入后直接发布（默认存为草稿，走文史审核流程）" };
        var title = new Option<string?>("--title") { Description = "辑名（目录中没有 _collection.md 时必填）" };
        var number = new Option<int?>("--number") { Description = "辑号（目录中没有 _collection.md 时必填）" };
        var author = new Option<string>("--as") { Description = "记为哪位用户导入", DefaultValueFactory = _ => "admin" };
        var command = new Command("import-collection", "从 Markdown 或 Word（.docx）文件导入一辑文史资料") { folder, publish, title, number, author };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(folder)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync(CommandLine.MissingFolder(path));
                return CommandLine.UsageError;
            }

            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CollectionImporter>();
            var options = new CollectionImportOptions
            {
                Publish = result.GetValue(publish),
                Title = result.GetValue(title),
                Number = result.GetValue(number),
                Author = result.GetValue(author)!,
            };
            ImportReport report = null!;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("导入");
                var progress = new Progress<(int Done, int Total, string File)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(p.File.Length > 0 ? p.File : "导入");
                });
                report = await importer.ImportAsync(path.FullName, options, progress, cancellationToken);
            });
            var table = new Table().AddColumns("文件", "结果");
            report.Imported.ForEach(f => table.AddRow(Markup.Escape(f), options.Publish ? "[green]已导入并发布[/]" : "[green]已导入（草稿）[/]"));
            report.AlreadyPresent.ForEach(f => table.AddRow(Markup.Escape(f), "已存在，跳过"));
            report.Skipped.ForEach(s => table.AddRow(Markup.Escape(s.File), "[red]" + Markup.Escape(s.Problem) + "[/]"));
            report.Warnings.ForEach(w => table.AddRow(Markup.Escape(w.File), "[yellow]" + Markup.Escape(w.Warning) + "[/]"));
            AnsiConsole.Write(table);
            Console.WriteLine($"导入 {report.Imported.Count} 个文件，发布 {report.Published} 项，已存在 {report.AlreadyPresent.Count} 个，失败 {report.Skipped.Count} 个。");
            return report.Skipped.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
