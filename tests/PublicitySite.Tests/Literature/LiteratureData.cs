using System.Text.Json.Nodes;
using PublicitySite.Tests.Members;

namespace PublicitySite.Tests.Literature;

internal static class LiteratureData
{
    public static Task<string> CollectionAsync(IServiceProvider services, string title, int number, string slug) =>
        MemberData.PublishAsync(services, "LiteratureCollection", new JsonObject
        {
            ["title"] = title, ["slug"] = slug, ["number"] = number, ["year"] = 2024, ["topic"] = "测试主题", ["editor"] = "示例编者", ["body"] = "本辑说明。",
        });

    public static JsonObject Article(string title, string collection, int? order, string? pages, string body = "## 第一节\n\n正文。\n\n## 第二节\n\n正文。", string? slug = null)
    {
        var values = new JsonObject { ["title"] = title, ["collection"] = collection, ["body"] = body, ["narrator"] = "示例口述人", ["compiler"] = "示例整理人" };
        if (order is { } o)
        {
            values["order"] = o;
        }

        if (pages is not null)
        {
            values["pages"] = pages;
        }

        if (slug is not null)
        {
            values["slug"] = slug;
        }

        return values;
    }
}
