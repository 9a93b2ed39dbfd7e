using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;

namespace PublicitySite.Tests.Members;

/// <summary>Creates and publishes content for one test through the real content manager.</summary>
internal static class MemberData
{
    public const string Phone = "13912345678";
    public const string Email = "private-mail-7731@example.org";
    public const string Address = "秘密路九十九号三单元";
    public const string IdNumber = "11010119710305123X";
    public const string BirthDate = "1971-03-05";

    public static async Task<string> PublishAsync(IServiceProvider services, string type, JsonObject values)
    {
        var id = await CreateAsync(services, type, values);
        await using var scope = services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id);
        Assert.True(published.Succeeded, published.Failure?.Detail);
        return id;
    }

    public static async Task<string> CreateAsync(IServiceProvider services, string type, JsonObject values)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(type, values, "admin");
        Assert.True(created.Succeeded, created.Failure?.Detail);
        return created.Value!.ContentItemId;
    }

    public static async Task<Result<ContentItemVersion>> UpdateAsync(IServiceProvider services, string id, int expected, JsonObject values, bool publish)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var updated = await manager.UpdateAsync(id, expected, values, "admin");
        Assert.True(updated.Succeeded, updated.Failure?.Detail);
        return publish ? await manager.PublishAsync(id) : updated;
    }

    /// <summary>A member with every private field filled with a value a test can look for.</summary>
    public static JsonObject Member(string name, string slug, string sector = "经济界", string party = "民建", string term = "第五届") => new()
    {
        ["title"] = name,
        ["slug"] = slug,
        ["term"] = term,
        ["sector"] = sector,
        ["party"] = party,
        ["posts"] = new JsonArray("市政协委员"),
        ["workUnit"] = "示例单位",
        ["jobTitle"] = "高级工程师",
        ["body"] = $"{name}，示例委员简介。",
        ["phone"] = Phone,
        ["email"] = Email,
        ["address"] = Address,
        ["idNumber"] = IdNumber,
        ["birthDate"] = BirthDate,
    };

    public static IEnumerable<string> PrivateValues => [Phone, Email, Address, IdNumber, BirthDate, "1971年3月5日", "1971/03/05"];
}
