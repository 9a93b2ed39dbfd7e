using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Curation;
using PublicitySite.Media;
using PublicitySite.Settings;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.Tests.Curation;

/// <summary>
/// The seeded site on a real Kestrel port with a clock the tests move, plus what the office would curate:
/// three 推荐 news with covers (the 轮播), a 头条, a 置顶 item, four pictures in 图片新闻, and items old enough
/// to be archived (工作动态) or not (领导讲话 never archives). The site-wide archive window is 3 years.
/// </summary>
public sealed class CuratedSite : SiteFixture
{
    public static readonly Actor Admin = new("admin", Actor.AdministratorRole);

    public TestClock Clock { get; }

    public List<string> Slides { get; } = [];

    public string HeadlineId { get; private set; } = "";

    public string PinnedId { get; private set; } = "";

    public string ArchivedUrl { get; private set; } = "";

    public const string ArchivedTitle = "五年前的工作动态（应归档）";

    public string SpeechUrl { get; private set; } = "";

    public string ArticleUrl { get; private set; } = "";

    public string TopicUrl { get; private set; } = "";

    public string PastTopicUrl { get; private set; } = "";

    public CuratedSite()
        : this(new TestClock(DateTimeOffset.UtcNow))
    {
    }

    private CuratedSite(TestClock clock)
        : base(new TestSiteOptions
        {
            RealPort = true,
            Settings = new Dictionary<string, string?> { ["SiteSchedule:CheckEvery"] = "00:00:00.300" },
            Services = s => s.AddSingleton<TimeProvider>(clock),
        }) => Clock = clock;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await UpdateSettingsAsync(new() { [SiteSettingKeys.ArchiveYears] = "3" });

        string[] colours = ["#b0121b", "#1a4f9c", "#1d6b34", "#8a5a00", "#5a2d82", "#0f5e66", "#6d0a10"];
        for (var i = 0; i < 3; i++)
        {
            var cover = await UploadAsync(Picture(colours[i]), $"slide-{i}.jpg", $"第{i + 1}张轮播图：会议现场");
            var id = await PublishAsync(new JsonObject { ["title"] = $"推荐新闻第{i + 1}条：全会精神学习交流", ["column"] = "政协要闻", ["body"] = "推荐新闻的正文。", ["cover"] = cover, ["coverAlt"] = $"第{i + 1}张轮播图：会议现场", ["tags"] = new JsonArray("全会精神") });
            Slides.Add(id);
        }

        // The latest marked comes first in the carousel: mark them in reverse so slide 1 is the first created.
        foreach (var id in Enumerable.Reverse(Slides))
        {
            await CurateAsync(id, new CurationRequest { Featured = true });
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        HeadlineId = await PublishAsync(new JsonObject { ["title"] = "今日头条：市政协召开全体会议", ["column"] = "政协要闻", ["body"] = "头条正文。" });
        await CurateAsync(HeadlineId, new CurationRequest { Headline = true, TitleColor = "red", TitleBold = true });

        PinnedId = await PublishAsync(new JsonObject { ["title"] = "置顶通知：征集年度提案线索", ["column"] = "工作动态", ["body"] = "置顶正文。" }, Clock.GetUtcNow().UtcDateTime.AddDays(-400));
        await CurateAsync(PinnedId, new CurationRequest { Pinned = true });

        for (var i = 0; i < 4; i++)
        {
            var cover = await UploadAsync(Picture(colours[3 + i]), $"picture-{i}.jpg", $"图片新闻第{i + 1}幅");
            await PublishAsync(new JsonObject { ["title"] = $"图片新闻：委员视察现场{i + 1}", ["column"] = "图片新闻", ["body"] = "图片说明。", ["cover"] = cover });
        }

        var old = Clock.GetUtcNow().UtcDateTime.AddYears(-5);
        ArchivedUrl = await UrlOfAsync(await PublishAsync(new JsonObject { ["title"] = ArchivedTitle, ["column"] = "工作动态", ["body"] = "旧的正文。" }, old));
        SpeechUrl = await UrlOfAsync(await PublishAsync(new JsonObject { ["title"] = "五年前的领导讲话（不归档）", ["column"] = "领导讲话", ["body"] = "讲话正文。" }, old));
        ArticleUrl = await UrlOfAsync(await PublishAsync(new JsonObject
        {
            ["title"] = "市政协召开提案办理工作推进会暨重点提案督办座谈会，部署下一阶段提案办理工作",
            ["column"] = "工作动态",
            ["summary"] = "会议通报了提案办理情况。",
            ["tags"] = new JsonArray("全会精神", "委员心得"),
            ["body"] = "会议指出，提案办理工作是政协履职的重要内容。各承办单位要把提案办理与推动中心工作结合起来，切实提高办理质量。\n\n第二段正文。",
        }));
        await AddTopicsAsync();
    }

    /// <summary>Two 专题 sharing the tag 全会精神: one running now (with a banner and a hand-picked item), one ended.</summary>
    private async Task AddTopicsAsync()
    {
        var today = DateOnly.FromDateTime(PublicitySite.Contents.SiteTime.ToLocal(Clock.GetUtcNow().UtcDateTime).DateTime);
        var banner = await UploadAsync(Picture("#9e1018"), "topic-banner.jpg", "专题横幅");
        TopicUrl = await UrlOfAsync(await PublishAsync("Topic", new JsonObject
        {
            ["title"] = "学习贯彻全会精神",
            ["slug"] = "xuexi-guanche-quanhui-jingshen",
            ["summary"] = "深入学习贯彻全会精神，凝聚共识、履职尽责。",
            ["body"] = "本专题汇集市政协学习贯彻全会精神的会议、活动和委员心得。",
            ["cover"] = banner,
            ["startDate"] = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["picked"] = new JsonArray(Slides[2]),
            ["sections"] = new JsonArray(new JsonObject { ["Name"] = "学习动态", ["Tag"] = "全会精神" }, new JsonObject { ["Name"] = "委员心得", ["Tag"] = "委员心得" }),
        }));
        PastTopicUrl = await UrlOfAsync(await PublishAsync("Topic", new JsonObject
        {
            ["title"] = "往年两会专题",
            ["slug"] = "wangnian-lianghui",
            ["summary"] = "往年全体会议的报道。",
            ["body"] = "往年两会。",
            ["startDate"] = today.AddYears(-1).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sections"] = new JsonArray(new JsonObject { ["Name"] = "两会新闻", ["Tag"] = "全会精神" }),
        }));
    }

    public async Task<Result<CurationFlags>> CurateAsync(string id, CurationRequest request, Actor? actor = null)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CurationService>().UpdateAsync(actor ?? Admin, id, request);
    }

    public async Task UpdateSettingsAsync(Dictionary<string, string?> values)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().UpdateAsync(Admin, values);
        Assert.True(result.Succeeded, result.Failure?.Detail);
    }

    public Task<string> PublishAsync(JsonObject values, DateTime? at = null) => PublishAsync("News", values, at);

    public async Task<string> PublishAsync(string type, JsonObject values, DateTime? at = null)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await manager.CreateAsync(type, values, "admin");
        Assert.True(created.Succeeded, created.Failure?.Detail);
        var published = await manager.PublishAsync(created.Value!.ContentItemId, recordedUtc: at ?? Clock.GetUtcNow().UtcDateTime);
        Assert.True(published.Succeeded, published.Failure?.Detail);
        return created.Value.ContentItemId;
    }

    public async Task<string> UrlOfAsync(string id)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentQueries>().GetAsync(id))!.Url;
    }

    private async Task<string> UploadAsync(byte[] file, string name, string alt)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        using var content = new MemoryStream(file);
        var result = await scope.ServiceProvider.GetRequiredService<MediaUploader>().UploadAsync(Admin, content, new MediaUpload(name, alt));
        Assert.True(result.Succeeded, result.Failure?.Detail);
        return result.Value!.Id;
    }

    /// <summary>A 1200×750 photo stand-in: a coloured field with a lighter band, like a stage backdrop.</summary>
    private static byte[] Picture(string colour)
    {
        var main = Color.ParseHex(colour).ToPixel<Rgb24>();
        using var image = new Image<Rgb24>(1200, 750);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var band = y is > 470 and < 560;
                for (var x = 0; x < row.Length; x++)
                {
                    var shade = (byte)(40 * x / row.Length);
                    row[x] = band ? new Rgb24(236, 214, 160) : new Rgb24((byte)Math.Min(255, main.R + shade), (byte)Math.Min(255, main.G + shade), (byte)Math.Min(255, main.B + shade));
                }
            }
        });
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 85 });
        return output.ToArray();
    }
}

/// <summary>Test classes that share one curated site (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class CuratedSiteCollection : ICollectionFixture<CuratedSite>
{
    public const string Name = "Curated site";
}
