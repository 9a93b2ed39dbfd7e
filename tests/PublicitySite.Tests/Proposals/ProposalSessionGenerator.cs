using System.Globalization;
using System.Text.Json.Nodes;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// A generated session of proposals (第五届第五次会议, filed early 2026) in the import format, with timelines
/// at every stage: for timing the statistics page at a realistic size. Deterministic for a given seed.
/// </summary>
internal static class ProposalSessionGenerator
{
    public static readonly string[] Members = [.. Enumerable.Range(1, 12).Select(i => $"示例委员 测{Chinese(i)}")];
    private static readonly string[] Categories = ["经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"];
    private static readonly string[] Units = ["市发展和改革委员会", "市教育局", "市财政局", "市交通运输局", "市住房和城乡建设局", "市卫生健康委员会", "市生态环境局", "市农业农村局", "市文化和旅游局", "市民政局", "市人力资源和社会保障局", "市水务局", "市市场监督管理局", "市自然资源和规划局", "米脂县人民政府"];
    private static readonly string[] Sectors = ["经济界", "教育界", "医药卫生界", "科学技术界", "文化艺术界", "农业和农村界", "社会福利和社会保障界", "中国民主建国会", "无党派人士", "工商联"];
    private static readonly string[] Stages = ["待审查", "立案", "不立案", "并案", "转为意见建议", "交办", "办理中", "已答复", "评价", "办结", "办结", "办结", "再办理"];

    public static string Json(int count, int seed = 20260121)
    {
        var random = new Random(seed);
        var rows = new JsonArray();
        for (var seq = 1; seq <= count; seq++)
        {
            var filed = new DateOnly(2026, 1, 21).AddDays(random.Next(0, 21));
            var memberType = random.NextDouble() < 0.7;
            var proposers = memberType
                ? Members.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray()
                : [Sectors[random.Next(Sectors.Length)]];
            var key = random.NextDouble() < 0.08;
            var lead = Units[random.Next(Units.Length)];
            var row = new JsonObject
            {
                ["number"] = $"5-5-{seq}",
                ["title"] = $"关于示例事项第{seq}号的提案（生成数据）",
                ["body"] = "## 存在的问题\n\n示例问题描述。\n\n## 具体建议\n\n示例建议。",
                ["proposerType"] = memberType ? "member" : "sector",
                ["proposers"] = new JsonArray([.. proposers.Select(p => (JsonNode?)p)]),
                ["sector"] = Sectors[random.Next(Sectors.Length)],
                ["category"] = Categories[random.Next(Categories.Length)],
                ["key"] = key ? "是" : "否",
                ["public"] = random.NextDouble() < 0.95 ? "是" : "否",
                ["filedOn"] = Day(filed),
                ["leadUnit"] = lead,
                ["coUnits"] = new JsonArray([.. Units.Where(u => u != lead).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Select(u => (JsonNode?)u)]),
            };
            if (key)
            {
                row["supervisor"] = "市政协副主席（示例）";
            }

            AddTimeline(row, filed, seq == 1 ? "办结" : Stages[random.Next(Stages.Length)], random);
            rows.Add(row);
        }

        return rows.ToJsonString();
    }

    private static void AddTimeline(JsonObject row, DateOnly filed, string stage, Random random)
    {
        var timeline = new JsonArray();
        var date = filed;
        void Add(string status, int days, string? note = null)
        {
            date = date.AddDays(days);
            timeline.Add(new JsonObject { ["status"] = status, ["date"] = Day(date), ["note"] = note });
        }

        Add("待审查", 0, "提案人提交提案。");
        row["timeline"] = timeline;
        switch (stage)
        {
            case "待审查": return;
            case "不立案": Add("不立案", 10, "所提事项不属于提案受理范围。"); return;
            case "并案": Add("并案", 10, "与第五届第五次会议第0001号提案内容相近，并入该提案办理。"); return;
            case "转为意见建议": Add("转为意见建议", 10, "转为意见建议，函送有关部门参考。"); return;
        }

        Add("立案", 10, "予以立案。");
        if (stage == "立案")
        {
            return;
        }

        Add("交办", 30, "在提案交办会上交办。");
        if (stage == "交办")
        {
            return;
        }

        Add("办理中", 15, "主办单位与提案人沟通办理方案。");
        if (random.NextDouble() < 0.15)
        {
            Add("催办", 40, "提案委员会发函催办。");
        }

        if (stage == "办理中")
        {
            return;
        }

        var replyClass = "ABC"[random.Next(3)].ToString();
        Add("已答复", random.Next(20, 100), "主办单位书面答复提案人。");
        row["reply"] = new JsonObject { ["class"] = replyClass, ["refNo"] = $"答复〔2026〕{random.Next(1, 999)}号", ["date"] = Day(date), ["text"] = "示例答复内容。" };
        if (stage == "已答复")
        {
            return;
        }

        if (stage == "再办理")
        {
            Add("评价", 10, "提案人表示不满意。");
            Add("再办理", 5, "退回主办单位重新办理。");
            return;
        }

        var verdict = random.NextDouble() < 0.7 ? "满意" : "基本满意";
        Add("评价", 10, $"提案人表示{verdict}。");
        row["verdict"] = verdict;
        if (stage == "办结")
        {
            Add("办结", 7, "提案办结。");
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Chinese(int n) => PublicitySite.Proposals.ProposalNumbering.Chinese(n);
}
