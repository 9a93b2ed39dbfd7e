namespace PublicitySite.Seeding;

/// <summary>A file could not be written for a reason other than its own content; the whole import was undone.</summary>
public sealed class ContentImportException(string file, Exception inner)
    : Exception($"导入 {file} 时出错，本次导入已全部撤销，未导入任何内容：{inner.Message}", inner)
{
    public string File { get; } = file;
}
