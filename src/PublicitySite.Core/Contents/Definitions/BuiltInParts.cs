namespace PublicitySite.Contents.Definitions;

/// <summary>
/// Parts the core understands because lists, routes and rendering depend on them. A recipe builds its types
/// from these and from parts it declares itself.
/// </summary>
public static class BuiltInParts
{
    public const string Title = "TitlePart";
    public const string Autoroute = "AutoroutePart";
    public const string MarkdownBody = "MarkdownBodyPart";
    public const string Summary = "SummaryPart";
    public const string Cover = "CoverPart";
    public const string Column = "ColumnPart";
    public const string Tags = "TagsPart";
    public const string Byline = "BylinePart";
    public const string PublishLater = "PublishLaterPart";
    public const string Sample = "SamplePart";

    public static IReadOnlyList<ContentPartDefinition> All { get; } =
    [
        Part(Title, "标题", new FieldDefinition { Name = "Title", DisplayName = "标题", Required = true, MaxLength = 200 }),
        Part(Autoroute, "网址", new FieldDefinition { Name = "Slug", DisplayName = "网址别名", MaxLength = 80, Hint = "小写字母、数字和连字符" }),
        Part(MarkdownBody, "正文", new FieldDefinition { Name = "Markdown", DisplayName = "正文", Type = FieldType.Markdown }),
        Part(Summary, "摘要", new FieldDefinition { Name = "Summary", DisplayName = "摘要", Type = FieldType.TextArea, MaxLength = 500 }),
        Part(Cover, "封面图",
            new FieldDefinition { Name = "Cover", DisplayName = "封面图", Type = FieldType.Media },
            new FieldDefinition { Name = "CoverAlt", DisplayName = "封面图说明", MaxLength = 200 }),
        Part(Column, "栏目", new FieldDefinition { Name = "Column", DisplayName = "栏目", Type = FieldType.Choice }),
        Part(Tags, "标签", new FieldDefinition { Name = "Tags", DisplayName = "标签", Type = FieldType.TextList }),
        Part(Byline, "来源与作者",
            new FieldDefinition { Name = "Source", DisplayName = "来源", MaxLength = 100 },
            new FieldDefinition { Name = "Author", DisplayName = "作者", MaxLength = 100 },
            new FieldDefinition { Name = "Editor", DisplayName = "编辑", MaxLength = 100 }),
        Part(PublishLater, "定时发布",
            new FieldDefinition { Name = "PublishAt", DisplayName = "定时发布", Type = FieldType.DateTime },
            new FieldDefinition { Name = "UnpublishAt", DisplayName = "定时下线", Type = FieldType.DateTime }),
        Part(Sample, "示例标记", new FieldDefinition { Name = "Sample", DisplayName = "示例内容", Type = FieldType.Boolean }),
    ];

    public static bool IsBuiltIn(string name) => All.Any(p => p.Name == name);

    private static ContentPartDefinition Part(string name, string displayName, params FieldDefinition[] fields) =>
        new() { Name = name, DisplayName = displayName, Fields = fields };
}
