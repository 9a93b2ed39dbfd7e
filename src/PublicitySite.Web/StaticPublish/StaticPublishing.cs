using System.CommandLine;
using Microsoft.Extensions.Options;
using PublicitySite.Web.Cli;
using Spectre.Console;

namespace PublicitySite.Web.StaticPublish;

/// <summary>静态发布: the public site as files that nginx serves, kept current after every commit.</summary>
internal static class StaticPublishing
{
    /// <summary><c>publish [--directory dir] [--mirror dir]</c>: rebuilds the publish directories with a progress bar.</summary>
    public static Command Command(WebApplication app)
    {
        var directory = new Option<DirectoryInfo?>("--directory") { Description = "发布目录（默认取 StaticPublish__Directory）" };
        var mirror = new Option<DirectoryInfo?>("--mirror") { Description = "第二个发布目录（内外网分离时的外网目录）" };
        var publish = new Command("publish", "把公开网站整站生成为静态文件（供 nginx 直接提供）") { directory, mirror };
        publish.SetAction(async (result, cancellationToken) =>
        {
            var publisher = app.Services.GetRequiredService<StaticPublisher>();
            var configured = app.Services.GetRequiredService<IOptions<StaticPublishOptions>>().Value;
            var dirs = new[] { result.GetValue(directory)?.FullName ?? configured.Directory, result.GetValue(mirror)?.FullName ?? configured.MirrorDirectory }
                .Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => Path.GetFullPath(d!)).ToList();
            if (dirs.Count == 0)
            {
                await Console.Error.WriteLineAsync("请用 --directory 指定发布目录，或设置 StaticPublish__Directory。");
                return CommandLine.UsageError;
            }

            publisher.UseDirectories(dirs);
            publisher.RunByVerb = true;
            await CommandLine.PrepareAsync(app);
            // The pages are rendered by the site's own pipeline, so the site starts, on a loopback port nobody else uses.
            app.Urls.Clear();
            app.Urls.Add("http://127.0.0.1:0");
            await app.StartAsync(cancellationToken);
            try
            {
                PublishReport report = null!;
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("生成页面");
                    var progress = new Progress<(int Done, int Known)>(p =>
                    {
                        task.MaxValue = p.Known;
                        task.Value = p.Done;
                    });
                    report = await publisher.RebuildAsync(progress, cancellationToken);
                    task.Value = task.MaxValue;
                });
                Console.WriteLine($"已生成 {report.Pages} 个页面（删除旧文件 {report.Removed} 个，失败 {report.Failed} 个），用时 {report.Elapsed.TotalSeconds:F1} 秒：{string.Join("、", dirs)}");
                return report.Failed == 0 ? 0 : 1;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        });
        return publish;
    }
}

/// <summary>Starts publishing once the site answers (its pipeline renders the pages).</summary>
internal sealed class StaticPublishService(StaticPublisher publisher, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!publisher.Enabled || publisher.RunByVerb)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        try
        {
            await publisher.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
