using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>Members with accounts, their signed-in sessions, and the office's steps, all through the real services and HTTP.</summary>
internal static partial class PortalTestData
{
    /// <summary>A published member profile and its 委员 account (password <see cref="Editorial.Password"/>); returns the profile id.</summary>
    public static async Task<string> MemberAsync(TestSite site, string userName, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员简介", ["sector"] = "经济界" }, "admin");
        Assert.True(created.Succeeded, created.Failure?.Detail);
        await contents.PublishAsync(created.Value!.ContentItemId);
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<MemberAccounts>()
            .AddAsync(Actor.System, userName, created.Value.ContentItemId, Editorial.Password, generated: false);
        Assert.Empty(errors);
        Assert.NotNull(user);
        return created.Value.ContentItemId;
    }

    public static async Task<AdminSession> SignInAsync(TestSite site, string userName)
    {
        var session = await AdminSession.LoginAsync(site, userName, MemberAccounts.Role);
        await session.ReadTokenAsync("/member/proposals/new");
        return session;
    }

    /// <summary>Saves a draft through the portal's form and returns its id from the redirect.</summary>
    public static async Task<long> DraftAsync(AdminSession session, string title, string grounds = "现状：社区养老服务供给不足。", string suggestions = "一、增设日间照料中心；二、培训护理人员。")
    {
        var response = await session.PostAsync("/member/proposals", new() { ["title"] = title, ["grounds"] = grounds, ["suggestions"] = suggestions, ["category"] = "社会建设" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = DraftLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Uploads a file through the draft's 附件 form, as the page sends it.</summary>
    public static Task<HttpResponseMessage> AttachAsync(AdminSession session, long id, byte[] file, string fileName) =>
        session.PostFileAsync($"/member/proposals/{id}/attachments", [], "file", file, fileName, "/member/proposals/new");

    /// <summary>The proposal's attachments as stored, oldest first.</summary>
    public static async Task<List<PortalAttachment>> AttachmentsAsync(TestSite site, long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PortalAttachment>().AsNoTracking().Where(a => a.PortalProposalId == id).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<PortalProposal> RowAsync(TestSite site, long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PortalProposal>().AsNoTracking().Include(p => p.Cosigners).FirstAsync(p => p.Id == id);
    }

    public static async Task<ProposalRecord> RecordAsync(TestSite site, string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProposalRecord>().AsNoTracking().FirstAsync(r => r.ContentItemId == contentItemId);
    }

    /// <summary>The office records one event, as the clerk does on 提案办理.</summary>
    public static async Task OfficeAsync(TestSite site, string contentItemId, ProposalEventInput input)
    {
        await site.Services.UserAsync("clerk", "ProposalClerk");
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ProposalOffice>().RecordAsync(new Actor("clerk", "ProposalClerk"), contentItemId, input);
        Assert.True(result.Succeeded, result.Failure?.Detail);
    }

    [GeneratedRegex(@"^/member/proposals/(\d+)\?saved=1$")]
    private static partial Regex DraftLocation();
}
