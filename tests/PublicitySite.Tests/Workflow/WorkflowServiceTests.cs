using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Workflow;

/// <summary>The workflow rules on both databases, without HTTP.</summary>
public sealed class WorkflowServiceTests
{
    private static Task<CoreHost> StartAsync(Db db, TestClock? clock = null) =>
        CoreHost.StartAsync(db, configure: s =>
        {
            s.AddWorkflowCore();
            if (clock is not null)
            {
                s.AddSingleton<TimeProvider>(clock);
            }
        });

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Three_stages_publish_and_the_audit_names_the_exact_version_approved(Db db)
    {
        await using var host = await StartAsync(db);
        var id = await host.Services.AtStageAsync(3, "三审入库测试");

        var (item, version, trail) = await host.RunAsync<AppDbContext, (ContentItem, ContentItemVersion, List<AuditEntry>)>(async d =>
        {
            var i = await d.ContentItems.SingleAsync(x => x.Id == id);
            var v = await d.ContentItemVersions.SingleAsync(x => x.ContentItemId == id);
            var a = await d.Set<AuditEntry>().Where(x => x.Target == id).OrderBy(x => x.Id).ToListAsync();
            return (i, v, a);
        });
        Assert.Equal(1, item.PublishedVersion);
        Assert.Equal(ContentStatus.Published, version.Status);
        Assert.Equal(
            [AuditActions.Created, AuditActions.Submitted, AuditActions.Approved, AuditActions.Approved, AuditActions.Approved, AuditActions.Published],
            trail.Select(t => t.Action));
        Assert.All(trail.Skip(1), t => Assert.Equal(version.ContentHash, t.ContentHash));
        Assert.Equal(["w", "w", "e1", "r1", "p1", "p1"], trail.Select(t => t.Actor));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_reviewers_deciding_at_once_cannot_both_win(Db db)
    {
        await using var host = await StartAsync(db);
        var id = await host.Services.AtStageAsync(0);
        var a = await host.Services.UserAsync("editor-a", "Editor");
        var b = await host.Services.UserAsync("editor-b", "Editor");

        var results = await Task.WhenAll(
            host.Services.WorkflowAsync(w => w.ApproveAsync(a, id, 1, null)),
            host.Services.WorkflowAsync(w => w.RejectAsync(b, id, 1, "同时退回")));

        Assert.Single(results, r => r.Succeeded);
        var review = await host.RunAsync<AppDbContext, VersionReview>(d => d.Set<VersionReview>().SingleAsync(r => r.ContentItemId == id));
        Assert.True(review.Stage == 1 ^ review.RejectComment is not null);
    }

    [Fact]
    public async Task Publishing_later_and_unpublishing_later_happen_when_due_and_keep_the_chosen_time()
    {
        var clock = TestClock.Running();
        await using var host = await StartAsync(Db.Sqlite, clock);
        var id = await host.Services.AtStageAsync(2, "定时发布测试");
        var publisher = await host.Services.UserAsync("p2", "Publisher");
        var at = DateTime.UtcNow.AddHours(2);
        Editorial.Ok(await host.Services.WorkflowAsync(w => w.ApproveAsync(publisher, id, null, at)));

        Assert.Equal(0, await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync()));
        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));

        clock.Offset = TimeSpan.FromHours(3);
        Assert.Equal(1, await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync()));
        var entry = await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id));
        Assert.NotNull(entry);
        Assert.Equal(at, entry.Version.PublishedUtc!.Value, TimeSpan.FromSeconds(1));

        Editorial.Ok(await host.Services.WorkflowAsync(w => w.UnpublishAsync(publisher, id, DateTime.UtcNow.AddHours(4))));
        Assert.Equal(0, await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync()));
        Assert.NotNull(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
        clock.Offset = TimeSpan.FromHours(5);
        Assert.Equal(1, await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync()));
        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
    }

    [Fact]
    public async Task The_items_own_publish_and_expiry_times_apply_when_it_is_signed_off()
    {
        var clock = TestClock.Running();
        await using var host = await StartAsync(Db.Sqlite, clock);
        var writer = await host.Services.UserAsync("w", "Contributor");
        var values = Editorial.News("带定时字段的通知");
        values["publishAt"] = DateTime.UtcNow.AddHours(2).ToString("O");
        values["unpublishAt"] = DateTime.UtcNow.AddHours(5).ToString("O");
        var created = await host.Services.WorkflowAsync(w => w.CreateAsync(writer, "News", values));
        var id = created.Value!.Version.ContentItemId;
        Editorial.Ok(await host.Services.WorkflowAsync(w => w.SubmitAsync(writer, id, null, true)));
        foreach (var (name, role) in new[] { ("e1", "Editor"), ("r1", "Reviewer"), ("p1", "Publisher") })
        {
            var approver = await host.Services.UserAsync(name, role);
            Editorial.Ok(await host.Services.WorkflowAsync(w => w.ApproveAsync(approver, id, null, null)));
        }

        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
        clock.Offset = TimeSpan.FromHours(3);
        await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync());
        Assert.NotNull(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
        clock.Offset = TimeSpan.FromHours(6);
        await host.RunAsync<ScheduleRunner, int>(r => r.RunDueAsync());
        Assert.Null(await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)));
    }

    [Fact]
    public async Task A_refused_action_changes_nothing_and_is_audited()
    {
        await using var host = await StartAsync(Db.Sqlite);
        var id = await host.Services.AtStageAsync(0);
        var contributor = await host.Services.UserAsync("nosy", "Contributor");
        var result = await host.Services.WorkflowAsync(w => w.ApproveAsync(contributor, id, null, null));

        Assert.IsType<Failure.Forbidden>(result.Failure);
        Assert.Contains("初审", result.Failure!.Messages[0]);
        var review = await host.RunAsync<AppDbContext, VersionReview>(d => d.Set<VersionReview>().SingleAsync(r => r.ContentItemId == id));
        Assert.Equal(0, review.Stage);
        Assert.Empty(review.Approvals);
        var denied = await host.RunAsync<AppDbContext, AuditEntry>(d => d.Set<AuditEntry>().SingleAsync(a => a.Action == AuditActions.Denied));
        Assert.Equal("nosy", denied.Actor);
        Assert.Equal(id, denied.Target);
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_draft_with_its_text()
    {
        await using var host = await StartAsync(Db.Sqlite);
        var writer = await host.Services.UserAsync("w", "Contributor");
        var id = await host.Services.DraftAsync(writer, "第一稿标题");
        Editorial.Ok(await host.Services.WorkflowAsync(w => w.UpdateAsync(writer, id, 1, Editorial.News("第二稿标题"))));
        var restored = await host.Services.WorkflowAsync(w => w.RestoreAsync(writer, id, 1, 2));

        Editorial.Ok(restored);
        Assert.Equal(3, restored.Value!.Version.Number);
        Assert.Equal("第一稿标题", restored.Value!.Version.Title);
        Assert.Equal(ContentStatus.Draft, restored.Value!.Version.Status);
    }
}
