using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PublicitySite.Contents;
using PublicitySite.Literature;
using PublicitySite.Seeding;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Literature;

/// <summary>Importing one collection from a folder of Markdown and Word files.</summary>
public sealed class CollectionImportTests
{
    [Fact]
    public async Task A_folder_of_Markdown_and_Word_files_becomes_a_collection_in_file_order()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        using var folder = new TestDirectory();
        var dir = Path.Combine(folder.Path, "vol-7");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "_collection.md"), "---\ntitle: 第七辑 · 导入测试\nnumber: 7\nyear: 2025\ntopic: 口述历史\neditor: 示例编委会\n---\n\n本辑说明。\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "01-front.md"), "---\ntitle: 带前言的文章\nnarrator: 示例口述人 甲\npages: \"1-8\"\n---\n\n## 开头\n\n正文一。\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "02-plain.md"), "# 没有前言的文章\n\n正文二。\n");
        WriteDocx(Path.Combine(dir, "10-word.docx"));
        await File.WriteAllBytesAsync(Path.Combine(dir, "03-broken.docx"), [1, 2, 3, 4]);

        var report = await host.RunAsync<CollectionImporter, ImportReport>(i => i.ImportAsync(dir, new CollectionImportOptions { Publish = true }));

        Assert.Equal(["_collection.md", "01-front.md", "02-plain.md", "10-word.docx"], report.Imported);
        Assert.Equal("03-broken.docx", Assert.Single(report.Skipped).File);
        Assert.StartsWith("无法读取", report.Skipped[0].Problem);
        Assert.Equal(4, report.Published);

        var collections = await host.RunAsync<LiteratureCatalog, IReadOnlyList<CollectionSummary>>(c => c.CollectionsAsync());
        var collection = Assert.Single(collections);
        Assert.Equal((7, 2025, "口述历史"), (collection.Number!.Value, collection.Year!.Value, collection.Topic));
        var contents = await host.RunAsync<LiteratureCatalog, IReadOnlyList<LiteratureArticleEntry>>(c => c.ContentsAsync(collection.Id));
        Assert.Equal(["带前言的文章", "没有前言的文章", "会议室里的灯光"], contents.Select(a => a.Title));
        Assert.Equal("口述：示例口述人 甲", contents[0].Credits);

        var word = await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(contents[2].ContentItemId));
        var markdown = ContentData.GetString(ContentData.Parse(word!.Version.Data), "MarkdownBodyPart", "Markdown");
        Assert.Equal("## 一、筹备\n\n那年春天，筹备工作开始了。\n\n### （一）选址\n\n会场选在老礼堂。\n\n## 二、开幕\n\n\\# 不是标题的一行。\n", markdown);

        var again = await host.RunAsync<CollectionImporter, ImportReport>(i => i.ImportAsync(dir, new CollectionImportOptions { Publish = true }));
        Assert.Empty(again.Imported);
        Assert.Equal(4, again.AlreadyPresent.Count);
    }

    [Fact]
    public async Task Without_a_collection_file_the_title_and_number_must_be_given()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        using var folder = new TestDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "1.md"), "# 一篇\n\n正文。\n");

        var refused = await host.RunAsync<CollectionImporter, ImportReport>(i => i.ImportAsync(folder.Path, new CollectionImportOptions()));
        var drafts = await host.RunAsync<CollectionImporter, ImportReport>(i => i.ImportAsync(folder.Path, new CollectionImportOptions { Title = "第九辑", Number = 9 }));

        Assert.Contains("缺少辑的标题或辑号", Assert.Single(refused.Skipped).Problem);
        Assert.Empty(refused.Imported);
        Assert.Equal(2, drafts.Imported.Count);
        Assert.Equal(0, drafts.Published); // without --publish everything waits for review
        Assert.Empty(await host.RunAsync<LiteratureCatalog, IReadOnlyList<CollectionSummary>>(c => c.CollectionsAsync()));
    }

    /// <summary>A Word file as a Chinese Word writes it: heading styles named “标题 1”, levels in the style.</summary>
    private static void WriteDocx(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            HeadingStyle("1", "标题 1", 0, null),
            HeadingStyle("2", "标题 2", 1, "1"),
            new Style(new StyleName { Val = "正文" }) { Type = StyleValues.Paragraph, StyleId = "a" });
        main.Document = new Document(new Body(
            Para("会议室里的灯光", "1"),
            Para("一、筹备", "2"),
            Para("那年春天，筹备工作开始了。", null),
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 2 }), new Run(new Text("（一）选址"))),
            Para("会场选在老礼堂。", "a"),
            Para("", null),
            Para("二、开幕", "1"),
            Para("# 不是标题的一行。", null)));
    }

    private static Style HeadingStyle(string id, string name, int level, string? basedOn)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
        return style;
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
