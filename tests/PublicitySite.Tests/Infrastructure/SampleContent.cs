using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// Generated demo volume for timing and screenshots: members and literature collections with long articles.
/// Every generated person is plainly fictional and marked 示例, as the seed rules ask.
/// </summary>
public static class SampleContent
{
    private static readonly string[] Surnames = ["安", "白", "蔡", "陈", "邓", "杜", "范", "方", "冯", "高", "郭", "韩", "何", "胡", "黄", "贾", "江", "康", "孔", "雷", "李", "梁", "林", "刘", "罗", "马", "孟", "欧阳", "潘", "彭", "钱", "秦", "任", "沈", "宋", "苏", "孙", "唐", "田", "王", "魏", "吴", "谢", "徐", "许", "杨", "叶", "于", "袁", "张", "赵", "郑", "周", "朱"];
    private static readonly string[] Given = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    private static readonly string[] Sectors = ["中国共产党", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士", "工商联", "科技界", "教育界", "文化艺术界", "医药卫生界", "经济界", "农业界", "社会福利和社会保障界", "特邀人士"];
    private static readonly string[] Parties = ["中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士"];
    private static readonly string[] Sentences =
    [
        "那一年，区政协组织委员到基层走访，我们一行人沿着河谷一路走访了七个村子。",
        "老乡们把最关心的事一件件说给我们听，从饮水、道路到孩子上学，记满了两个笔记本。",
        "回到机关后，大家连夜整理材料，反复核对数字，力求每一条建议都有事实依据。",
        "座谈会上，有关部门的负责同志认真听取意见，当场表示要把问题列入年度计划。",
        "现在回想起来，那段经历让我真正懂得了“履职为民”四个字的分量。",
        "协商会开了整整一个下午，大家你一言我一语，气氛热烈而坦诚。",
        "会后，我们又带着问题回到现场，看工程进度、听群众反映，直到事情落实为止。",
        "这些往事虽然过去多年，但每当翻开当年的笔记，一幕幕场景仍历历在目。",
    ];

    public static async Task GenerateAsync(IServiceProvider services, int members = 300, int collections = 5, int articlesPerCollection = 30, int articleLength = 20000)
    {
        for (var i = 0; i < members; i++)
        {
            var surname = Surnames[i % Surnames.Length];
            var name = $"示例委员 {surname}{Given[i / Surnames.Length % Given.Length]}{(i / (Surnames.Length * Given.Length)) + 1}";
            await PublishAsync(services, "Member", new JsonObject
            {
                ["title"] = name,
                ["slug"] = "sample-member-" + i.ToString(CultureInfo.InvariantCulture),
                ["term"] = "第五届",
                ["sector"] = Sectors[i % Sectors.Length],
                ["party"] = Parties[i * 7 % Parties.Length],
                ["posts"] = new JsonArray(i % 10 == 0 ? "市政协常委" : "市政协委员"),
                ["workUnit"] = $"示例单位第{i + 1}号（示例）",
                ["jobTitle"] = "高级工程师",
                ["sample"] = true,
                ["body"] = $"{name}，生成的示例委员，用于测试委员名录。",
                ["phone"] = "13000000000",
            });
        }

        for (var c = 1; c <= collections; c++)
        {
            var collection = await PublishAsync(services, "LiteratureCollection", new JsonObject
            {
                ["title"] = $"第{PublicitySite.Members.ChineseNumerals.Format(10 + c)}辑 · 生成示例文集",
                ["slug"] = $"sample-volume-{c}",
                ["number"] = 10 + c,
                ["year"] = 2020 + c,
                ["topic"] = "生成示例",
                ["editor"] = "示例编委会",
                ["sample"] = true,
                ["body"] = "本辑为生成的示例文集，用于测试目录和长文阅读。",
            });
            for (var a = 1; a <= articlesPerCollection; a++)
            {
                await PublishAsync(services, "LiteratureArticle", new JsonObject
                {
                    ["title"] = $"示例文章 {c}-{a}：河谷七村走访记",
                    ["slug"] = $"sample-article-{c}-{a}",
                    ["collection"] = collection,
                    ["order"] = a,
                    ["pages"] = $"{(a - 1) * 12 + 1}-{a * 12}",
                    ["narrator"] = "示例口述人",
                    ["compiler"] = "示例整理人",
                    ["period"] = "1990年代",
                    ["sample"] = true,
                    ["body"] = LongText(articleLength, a),
                });
            }
        }
    }

    /// <summary>A long article: a section heading every ~2,000 characters, paragraphs of ~200.</summary>
    public static string LongText(int length, int seed)
    {
        var text = new StringBuilder();
        var section = 0;
        var sinceHeading = int.MaxValue;
        for (var i = seed; text.Length < length; i++)
        {
            if (sinceHeading > 2000)
            {
                section++;
                text.Append("\n## 第").Append(Members.ChineseNumerals(section)).Append("部分　往事回忆\n\n");
                sinceHeading = 0;
            }

            var paragraph = string.Concat(Enumerable.Range(0, 4).Select(k => Sentences[(i + k) % Sentences.Length]));
            text.Append(paragraph).Append("\n\n");
            sinceHeading += paragraph.Length;
        }

        return text.ToString();
    }

    private static async Task<string> PublishAsync(IServiceProvider services, string type, JsonObject values)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await manager.CreateAsync(type, values, "admin");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(created.Failure?.Detail);
        }

        var published = await manager.PublishAsync(created.Value!.ContentItemId);
        return published.Succeeded ? created.Value.ContentItemId : throw new InvalidOperationException(published.Failure?.Detail);
    }

    private static class Members
    {
        public static string ChineseNumerals(int n) => PublicitySite.Members.ChineseNumerals.Format(n);
    }
}
