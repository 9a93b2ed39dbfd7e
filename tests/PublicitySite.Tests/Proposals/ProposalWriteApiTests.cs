using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// The office's write endpoints over HTTP. The real sign-in schemes live elsewhere; here a test scheme reads the
/// user and role from a header, so the endpoints' policy and answers are what is tested.
/// </summary>
public sealed class ProposalWriteApiTests
{
    [Fact]
    public async Task Only_proposal_clerks_record_events_and_an_illegal_one_gets_a_chinese_400()
    {
        using var site = new TestSite(seed: true);
        using var app = site.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddAuthentication(o => o.DefaultScheme = HeaderAuth.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuth>(HeaderAuth.Name, _ => { })));
        using var client = app.CreateClient();
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/proposals?status=" + Uri.EscapeDataString("待审查"));
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();
        var accept = new { kind = "立案", note = "经审查予以立案。" };

        var anonymous = await client.PostAsJsonAsync($"/api/proposals/{id}/events", accept);
        var editor = await Send(client, $"/api/proposals/{id}/events", accept, "editor1;Editor");
        var illegal = await Send(client, $"/api/proposals/{id}/events", new { kind = "已答复", replyClass = "A", replyText = "答复" }, "clerk1;ProposalClerk");
        var badJson = await Send(client, $"/api/proposals/{id}/events", new { kind = "延期", dueOn = "明年" }, "clerk1;ProposalClerk");
        var ok = await Send(client, $"/api/proposals/{id}/events", accept, "clerk1;ProposalClerk");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        Assert.Contains("答复须在交办之后", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("请求正文不是有效的 JSON", await badJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var detail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/proposals/{id}");
        Assert.Equal("已立案", detail.GetProperty("status").GetString());
        Assert.Equal("立案", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_import_dry_run_over_http_reports_rows_and_a_refused_real_run_is_a_400()
    {
        using var site = new TestSite(seed: true);
        using var app = site.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddAuthentication(o => o.DefaultScheme = HeaderAuth.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuth>(HeaderAuth.Name, _ => { })));
        using var client = app.CreateClient();
        const string Csv = "编号,案由,提案者类别,提案者,提交日期\n第五届第二次会议第0012号,关于重号的提案,sector,经济界,2024-01-10\n";

        var dry = await SendText(client, "/api/proposals/import?format=csv&dryRun=true", Csv);
        var real = await SendText(client, "/api/proposals/import?format=csv&dryRun=false", Csv);

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("已存在", await dry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, real.StatusCode);
        Assert.Contains("导入未执行", await real.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, object body, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(HeaderAuth.Header, user);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendText(HttpClient client, string url, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(text, System.Text.Encoding.UTF8, "text/csv") };
        request.Headers.Add(HeaderAuth.Header, "clerk1;ProposalClerk");
        return client.SendAsync(request);
    }

    /// <summary>Signs in whoever the <c>X-Test-User: name;Role</c> header names; no header, no user.</summary>
    private sealed class HeaderAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Test";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[Header].ToString().Split(';') is not [var name, var role])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
