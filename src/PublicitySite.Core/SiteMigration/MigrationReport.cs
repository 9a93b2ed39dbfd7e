using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PublicitySite.SiteMigration;

/// <summary>A problem the report lists: where (the old address), what kind, and why, in Chinese.</summary>
public sealed record MigrationProblem(string Url, string Kind, string Reason)
{
    public const string Failed = "失败";
    public const string Skipped = "跳过";
    public const string Media = "图片/附件";
    public const string List = "栏目页";
}

/// <summary>What the importer did, counted as it goes, and the Chinese report made from it.</summary>
public sealed class MigrationReport
{
    public required string BaseUrl { get; init; }

    public bool DryRun { get; init; }

    public bool Publish { get; init; }

    public long? RunId { get; set; }

    public int Resumes { get; set; }

    public DateTimeOffset Started { get; init; }

    public DateTimeOffset? Finished { get; set; }

    public int Found { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    public int ListPages { get; set; }

    public int MediaStored { get; set; }

    public int LinksRewritten { get; set; }

    public int PagesFetched { get; set; }

    public int Requests { get; set; }

    public bool StoppedAtLimit { get; set; }

    /// <summary>The reason the run could not start (an unreachable base address).</summary>
    public string? Fatal { get; set; }

    public List<MigrationProblem> Problems { get; init; } = [];

    /// <summary>Links to pages of the old site that were not migrated, with the article they were found in.</summary>
    public SortedSet<(string Link, string Page)> Unmigrated { get; } = [];

    /// <summary>For a dry run: what a real run would import (address, title, date).</summary>
    public List<(string Url, string Title, DateTimeOffset? Date)> WouldImport { get; } = [];

    public double Seconds => Finished is { } end ? Math.Max(0.001, (end - Started).TotalSeconds) : 0;

    public double PagesPerSecond => Seconds > 0 ? PagesFetched / Seconds : 0;

    public void Fail(string url, string reason)
    {
        // A resumed run meets again the pages that failed before the interruption: they count once.
        if (Problems.RemoveAll(p => p.Url == url && p.Kind == MigrationProblem.Failed) == 0)
        {
            Failed++;
        }

        Problems.Add(new MigrationProblem(url, MigrationProblem.Failed, reason));
    }

    public string ProblemsJson() => JsonSerializer.Serialize(Problems, StorageJsonOptions);

    public static List<MigrationProblem> ReadProblems(string json) => JsonSerializer.Deserialize<List<MigrationProblem>>(json, StorageJsonOptions) ?? [];

    public string ToText(int limit = 200)
    {
        var text = new StringBuilder();
        var mode = DryRun ? "试运行：只抓取和解析，未写入任何内容" : Publish ? "导入并直接发布" : "导入为草稿（待审核后发布）";
        text.AppendLine(CultureInfo.InvariantCulture, $"网站迁移报告　{BaseUrl}");
        text.AppendLine("模式：" + mode + (Resumes > 0 ? $"；接续中断的运行（第 {Resumes} 次续跑）" : ""));
        text.AppendLine(CultureInfo.InvariantCulture, $"时间：{Started.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} 起，用时 {Seconds:0.0} 秒；抓取页面 {PagesFetched} 个，请求 {Requests} 次，{PagesPerSecond:0.0} 页/秒");
        if (Fatal is not null)
        {
            text.AppendLine("未能开始：" + Fatal);
            return text.ToString();
        }

        var verb = DryRun ? "将导入" : "导入";
        text.AppendLine(CultureInfo.InvariantCulture, $"发现 {Found} 篇，{verb} {Imported} 篇，更新 {Updated} 篇，跳过 {Skipped} 篇，失败 {Failed} 篇");
        text.AppendLine(CultureInfo.InvariantCulture, $"栏目页 {ListPages} 个；图片与附件存入媒体库 {MediaStored} 个；文章间链接改为新地址 {LinksRewritten} 处");
        if (StoppedAtLimit)
        {
            text.AppendLine("已达 --max-pages 上限而停止：再次运行将从停下处继续。");
        }

        if (DryRun && WouldImport.Count > 0)
        {
            text.AppendLine().AppendLine("将导入的文章：");
            foreach (var (url, title, date) in WouldImport.Take(limit))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "（无日期）"}　{title}　{url}");
            }
        }

        foreach (var group in Problems.GroupBy(p => p.Kind))
        {
            text.AppendLine().AppendLine(group.Key + "：");
            foreach (var problem in group.Take(limit))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {problem.Url}　{problem.Reason}");
            }
        }

        if (Unmigrated.Count > 0)
        {
            text.AppendLine().AppendLine("指向未迁移页面的链接（保持原样，请人工核对）：");
            foreach (var (link, page) in Unmigrated.Take(limit))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {link}　见于 {page}");
            }
        }

        return text.ToString();
    }

    private static readonly JsonSerializerOptions StorageJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
