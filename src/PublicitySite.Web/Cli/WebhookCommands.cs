using System.CommandLine;
using PublicitySite.Webhooks;
using Spectre.Console;

namespace PublicitySite.Web.Cli;

internal static class WebhookCommands
{
    public static Command Create(WebApplication app)
    {
        var url = new Argument<string>("url") { Description = "接收地址（http/https）" };
        var events = new Option<string[]>("--event") { Description = "事件：" + string.Join(", ", WebhookEvents.All), AllowMultipleArgumentsPerToken = true, Required = true };
        var secret = new Option<string?>("--secret") { Description = "签名密钥（不给则生成并显示一次）" };
        var add = new Command("add", "登记 webhook") { url, events, secret };
        add.SetAction(async (result, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            // Through the same service as the admin page, so the registration is checked and audited alike.
            var added = await scope.ServiceProvider.GetRequiredService<WebhookAdministration>()
                .AddAsync(CommandLine.Operator, result.GetValue(url), result.GetValue(events)!, result.GetValue(secret));
            if (added.Value is not { } hook)
            {
                await Console.Error.WriteLineAsync(added.Failure!.Detail);
                return CommandLine.UsageError;
            }

            Console.WriteLine($"已登记 webhook #{hook.Id}：{hook.Url}（{hook.Events}）");
            Console.WriteLine($"签名密钥：{hook.Secret}");
            return 0;
        });

        var list = new Command("list", "列出 webhook 与最近投递");
        list.SetAction(async (_, cancellationToken) =>
        {
            await CommandLine.PrepareAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<WebhookService>();
            var table = new Table().AddColumns("#", "地址", "事件", "最近投递");
            foreach (var hook in await service.ListAsync(cancellationToken))
            {
                var last = (await service.DeliveriesAsync(hook.Id, 1, cancellationToken)).FirstOrDefault();
                var state = last is null ? "—" : last.DeliveredUtc is not null ? $"成功 {last.Event}" : last.Abandoned ? $"放弃：{last.LastError}" : $"重试中（{last.Attempts} 次）：{last.LastError}";
                table.AddRow(hook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(hook.Url), Markup.Escape(hook.Events), Markup.Escape(state));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        return new Command("webhook", "管理 webhook") { add, list };
    }
}
