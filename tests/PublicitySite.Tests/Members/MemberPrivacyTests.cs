using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.Members;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>
/// A member's private fields (phone, e-mail, address, ID number, birth date) are stored but appear on no
/// public surface: every page and API response that shows the member is fetched and searched for them.
/// </summary>
public sealed class MemberPrivacyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Private_member_fields_appear_on_no_public_page_or_api_response(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        var client = site.CreateClient();
        var id = await MemberData.PublishAsync(site.Services, "Member", MemberData.Member("示例委员 安明", "an-ming"));
        var opinion = await MemberData.PublishAsync(site.Services, "SocialOpinion", MemberDirectoryTests.Opinion("关于公交线路的建议", id));
        await MemberData.PublishAsync(site.Services, "News", new JsonObject { ["title"] = "委员调研", ["column"] = "工作动态", ["body"] = "正文", ["members"] = new JsonArray(id) });

        string[] surfaces =
        [
            "/members", "/members?q=%E5%AE%89", "/members/an-ming", "/api/members", "/api/members/" + id,
            "/api/content/" + id, "/api/content?type=Member", "/social-opinions", "/social-opinions/" + opinion,
        ];
        foreach (var url in surfaces)
        {
            var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                text = JsonNode.Parse(text)!.ToJsonString(StorageJson.Options); // \u escapes would hide CJK values
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(text.Contains("安明", StringComparison.Ordinal) || url == "/social-opinions", $"{url} does not show the member"); // the page is about the member …
            foreach (var secret in MemberData.PrivateValues)
            {
                Assert.DoesNotContain(secret, text); // … and shows none of what is private
            }

            foreach (var field in new[] { "IdNumber", "idNumber", "BirthDate", "birthDate", "\"Phone\"", "\"phone\"", "身份证" })
            {
                Assert.False(text.Contains(field, StringComparison.Ordinal), $"{url} names the private field {field}");
            }
        }

        var (_, graph) = await MemberGraphTests.QueryAsync(
            client,
            "{ memberList(pageSize: 100) { items { id title url term sector party posts workUnit jobTitle photo bodyText summary proposals { title } newsItems { title } } } }");
        var graphText = graph.ToJsonString(StorageJson.Options);
        Assert.Contains("安明", graphText);
        foreach (var secret in MemberData.PrivateValues)
        {
            Assert.DoesNotContain(secret, graphText);
        }

        // The values are stored for the office, so their absence above is the filtering, not a lost write.
        await using var scope = site.Services.CreateAsyncScope();
        var stored = scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItemVersions.Single(v => v.ContentItemId == id).Data;
        Assert.Contains(MemberData.IdNumber, stored);
        Assert.Contains(MemberData.Phone, stored);
    }

    [Fact]
    public void The_member_index_has_no_column_for_a_private_field()
    {
        var columns = typeof(MemberIndexEntry).GetProperties().Select(p => p.Name).ToList();

        foreach (var name in new[] { "Phone", "Email", "Address", "IdNumber", "BirthDate" })
        {
            Assert.DoesNotContain(name, columns);
        }

        Assert.Contains("Sector", columns);
    }
}
