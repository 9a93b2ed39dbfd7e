using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Bench.Search;

/// <summary>
/// Makes a corpus of Chinese articles from the seed's own sentences and titles, shuffled into new articles of
/// realistic lengths, across types, columns and eleven years. Seeded, so two runs make the same corpus.
/// </summary>
internal sealed partial class CorpusGenerator
{
    private static readonly string[] Columns = ["政协要闻", "工作动态", "通知公告", "领导讲话", "视察调研", "专委会工作", "图片新闻"];
    private static readonly string[] Sectors = ["中国共产党", "中国民主促进会", "农业界", "医药卫生界", "工商联", "文化艺术界", "无党派人士", "科学技术界", "经济界", "教育界"];
    private static readonly string[] Statuses = ["待审查", "立案", "交办", "办理中", "已答复", "办结"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林"];
    private const string GivenChars = "建国明华立新文志远晓燕振德胜敏雪安伟芳军平红英杰春秀兰海丽强磊洋艳勇静";

    private readonly Random random = new(20261127);
    private readonly string[] sentences;
    private readonly string[] titles;

    public CorpusGenerator(string seedDir)
    {
        var all = new List<string>();
        var heads = new List<string>();
        foreach (var file in Directory.EnumerateFiles(seedDir, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (TitleLine().Match(text) is { Success: true } title)
            {
                heads.Add(title.Groups[1].Value.Trim('"'));
            }

            var body = text.Split("\n---", 2) is [_, var rest] ? rest : text;
            all.AddRange(Sentence().Matches(body).Select(m => m.Value.Trim()).Where(s => s.Length >= 8));
        }

        sentences = [.. all.Distinct()];
        titles = [.. heads.Distinct()];
        Queries = [.. BuildQueries()];
    }

    public int SentenceCount => sentences.Length;

    /// <summary>What the benchmark searches for: committee terms, two-word queries, names, traditional characters.</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>Writes <paramref name="count"/> published items straight into the database, in batches.</summary>
    public async Task FillAsync(AppDbContext db, int count, IProgress<int> progress)
    {
        const int Batch = 2000;
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count;)
        {
            var n = Math.Min(Batch, count - done);
            for (var i = 0; i < n; i++)
            {
                var when = start.AddMinutes(random.Next(0, 11 * 365 * 24 * 60));
                var (type, title, data) = Article(done + i);
                var id = ContentIds.New();
                db.ContentItems.Add(new ContentItem
                {
                    Id = id, ContentType = type, Owner = "admin", CreatedUtc = when, LatestVersion = 1, PublishedVersion = 1,
                    FirstPublishedUtc = when, Path = $"bench/{id}",
                });
                db.ContentItemVersions.Add(new ContentItemVersion
                {
                    ContentItemId = id, Number = 1, Status = ContentStatus.Published, Latest = true, Published = true, ContentType = type,
                    Title = title, Column = data["ColumnPart"]?["Column"]?.ToString(), Author = "admin", CreatedUtc = when, ModifiedUtc = when,
                    PublishedUtc = when, ContentHash = "bench", Data = ContentData.Serialize(data),
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            done += n;
            progress.Report(done);
        }
    }

    private (string Type, string Title, JsonObject Data) Article(int n)
    {
        var roll = random.Next(100);
        var data = new JsonObject();
        string type, title;
        int length;
        if (roll < 70)
        {
            type = "News";
            title = Pick(titles) + (random.Next(3) == 0 ? "（" + Pick(Surnames) + "）" : "");
            length = random.Next(400, 1600);
            data["ColumnPart"] = new JsonObject { ["Column"] = Pick(Columns) };
        }
        else if (roll < 80)
        {
            type = "Member";
            title = "示例委员 " + Name();
            length = random.Next(200, 500);
            data["MemberPart"] = new JsonObject { ["Sector"] = Pick(Sectors), ["Party"] = "中共" };
        }
        else if (roll < 92)
        {
            type = "Proposal";
            title = "关于" + Clause() + "的提案";
            length = random.Next(600, 1400);
            data["ProposalPart"] = new JsonObject
            {
                ["Public"] = true,
                ["Proposers"] = new JsonArray("示例委员 " + Name()),
                ["Sector"] = Pick(Sectors),
                ["Timeline"] = new JsonArray(new JsonObject { ["Status"] = Pick(Statuses), ["Date"] = "2024-01-01" }),
            };
        }
        else
        {
            type = "LiteratureArticle";
            title = Clause() + "的往事";
            length = random.Next(1500, 3000);
        }

        var body = new StringBuilder();
        while (body.Length < length)
        {
            body.Append(Pick(sentences));
            if (random.Next(5) == 0)
            {
                body.Append("\n\n");
            }
        }

        data["TitlePart"] = new JsonObject { ["Title"] = title };
        data["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = body.ToString() };
        data["SummaryPart"] = new JsonObject { ["Summary"] = Pick(sentences) };
        _ = n;
        return (type, title, data);
    }

    private IEnumerable<string> BuildQueries()
    {
        string[] terms = ["政协", "履职", "民主监督", "提案办理", "社情民意", "委员风采", "文史资料", "界别", "重点提案", "带案视察", "乡村振兴", "协商议题",
            "疫情防控", "民宿产业", "基层协商", "四引四帮", "五个一", "调研报告", "专委会", "营商环境"];
        foreach (var term in terms)
        {
            yield return term;
        }

        for (var i = 0; i < 40; i++)
        {
            yield return Pick(terms) + " " + Pick(terms);
            yield return Pick(Surnames) + GivenChars[random.Next(GivenChars.Length)] + GivenChars[random.Next(GivenChars.Length)];
            yield return Clause();
        }

        yield return "政協委員";
        yield return "民主監督員";
        yield return "鄉鎮協商工作室";
        yield return "“有事好商量”";
    }

    private string Clause()
    {
        var s = Pick(sentences);
        var start = random.Next(0, Math.Max(1, s.Length - 8));
        return new string(s.AsSpan(start, Math.Min(random.Next(4, 9), s.Length - start)).ToArray().Where(char.IsLetterOrDigit).ToArray());
    }

    private string Name() => Pick(Surnames) + GivenChars[random.Next(GivenChars.Length)] + (random.Next(2) == 0 ? GivenChars[random.Next(GivenChars.Length)].ToString() : "");

    private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"[^。！？；\n#>*\-|]+[。！？；]")]
    private static partial Regex Sentence();
}
