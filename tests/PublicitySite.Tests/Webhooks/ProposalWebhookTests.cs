using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Webhooks;

namespace PublicitySite.Tests.Webhooks;

/// <summary>The proposal.status event: sent when the office records a step that changes a public proposal's status.</summary>
public sealed class ProposalWebhookTests
{
    private static readonly Dictionary<string, string?> Fast = new() { ["Webhooks:PollInterval"] = "00:00:00.200", ["Webhooks:FirstRetry"] = "00:00:00.100" };

    private static async Task<T> InScope<T>(TestSite site, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static async Task<string> FileAsync(TestSite site, string title, bool isPublic, bool publish = true)
    {
        var filed = await InScope(site, sp => sp.GetRequiredService<ProposalOffice>().FileAsync(TestActors.Clerk("clerk"), new ProposalFiling
        {
            Title = title, FiledOn = new DateOnly(2025, 3, 1), Proposers = ["经济界"], ProposerType = "sector", Public = isPublic,
        }));
        Assert.True(filed.Succeeded, filed.Failure?.Detail);
        if (publish)
        {
            var published = await InScope(site, sp => sp.GetRequiredService<ContentManager>().PublishAsync(filed.Value!.ContentItemId!));
            Assert.True(published.Succeeded, published.Failure?.Detail);
        }

        return filed.Value!.ContentItemId!;
    }

    private static async Task RecordAsync(TestSite site, string id, string kind)
    {
        var outcome = await InScope(site, sp => sp.GetRequiredService<ProposalOffice>().RecordAsync(TestActors.Clerk("clerk"), id, new ProposalEventInput { Kind = kind, Date = new DateOnly(2025, 3, 5) }));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
    }

    [Fact]
    public async Task A_status_change_of_a_public_proposal_is_delivered_and_none_of_a_private_or_unpublished_one()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var site = new TestSite(seed: false, settings: Fast);
        _ = site.Server;
        await InScope(site, sp => sp.GetRequiredService<WebhookService>().AddAsync(receiver.Url, [WebhookEvents.ProposalStatusChanged], "proposal-key"));
        var hidden = await FileAsync(site, "关于不公开事项的提案", isPublic: false);
        var draft = await FileAsync(site, "关于尚未发布事项的提案", isPublic: true, publish: false);
        var shown = await FileAsync(site, "关于完善公交站台无障碍设施的提案", isPublic: true);

        await RecordAsync(site, hidden, "立案");
        await RecordAsync(site, draft, "立案");
        await RecordAsync(site, shown, "立案");

        Assert.True(await receiver.WaitUntilAsync(r => !r.Received.IsEmpty, TimeSpan.FromSeconds(10)), "nothing delivered");
        await Task.Delay(500); // time for a wrongly queued second delivery to arrive too
        var (headers, body, _) = Assert.Single(receiver.Received);
        Assert.Equal(WebhookEvents.ProposalStatusChanged, headers["X-Publicity-Event"]);
        Assert.True(WebhookSignature.Verify("proposal-key", headers[WebhookSignature.Header], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal(shown, payload.GetProperty("id").GetString());
        Assert.Equal("关于完善公交站台无障碍设施的提案", payload.GetProperty("title").GetString());
        Assert.Equal("待审查", payload.GetProperty("previousStatus").GetString());
        Assert.Equal("立案", payload.GetProperty("step").GetString());
        Assert.Equal("2025-03-05", payload.GetProperty("date").GetString());
        Assert.StartsWith("/", payload.GetProperty("url").GetString());
    }
}
