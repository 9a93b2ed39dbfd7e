using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.RichText;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>
/// 导入Word: a .docx becomes a draft. The body keeps the document's structure (<see cref="DocxHtmlReader"/>),
/// its pictures go into the media library with the document's alt text, and the draft opens in the editor.
/// </summary>
[AdminPermission(Permissions.CreateContent, Reason = Refusal)]
public sealed class ImportWordModel(WorkflowService workflow, MediaUploader uploader, IOptions<MediaOptions> media) : AdminPage
{
    private const string Refusal = "您无权新建可导入 Word 的内容";

    public const string Folder = "Word导入";

    /// <summary>Types with a rich body the user may create, with the columns they may create in.</summary>
    public IReadOnlyList<(ContentTypeDefinition Type, IReadOnlyList<string> Columns)> Choices { get; private set; } = [];

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Column { get; set; }

    public IActionResult OnGet(string? type)
    {
        Load();
        Type = type;
        return Choices.Count == 0 ? Forbidden(Refusal) : Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        Load();
        var choice = Choices.FirstOrDefault(c => c.Type.Name == Type);
        if (choice.Type is null)
        {
            return Choices.Count == 0 ? Forbidden(Refusal) : Problem("请选择内容类型");
        }

        if (choice.Columns.Count > 0 && (string.IsNullOrEmpty(Column) || !choice.Columns.Contains(Column)))
        {
            return Problem($"请为{choice.Type.Label}选择栏目");
        }

        if (file is null || file.Length == 0)
        {
            return Problem("请选择要导入的 Word 文件（.docx）");
        }

        if (!file.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(file.FileName.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
                ? "暂不支持旧版 .doc 文件：请在 Word 或 WPS 中“另存为” .docx 后再导入"
                : "只能导入 Word 文档（.docx）");
        }

        await using var upload = file.OpenReadStream();
        var bytes = await MediaUploader.ReadLimitedAsync(upload, media.Value.MaxFileBytes, cancellationToken);
        if (bytes is null)
        {
            return Problem($"文件超过 {media.Value.MaxFileBytes / 1024 / 1024} MB 的上限");
        }

        DocxDocument document;
        try
        {
            document = DocxHtmlReader.Read(new MemoryStream(bytes));
        }
        catch (FormatException e)
        {
            return Problem(e.Message);
        }

        var html = document.Html;
        var refused = 0;
        var mayUpload = Can(Permissions.UploadMedia);
        foreach (var picture in document.Pictures)
        {
            using var content = new MemoryStream(picture.Bytes);
            var stored = mayUpload ? (await uploader.UploadAsync(Me, content, new MediaUpload(picture.FileName, Alt: picture.Alt, Folder: Folder, Tags: [Folder]), cancellationToken)).Value : null;
            refused += stored is null ? 1 : 0;
            // A refused picture leaves no address: the save path drops a figure whose picture is not in the library.
            html = html.Replace("\"" + picture.Placeholder + "\"", stored is null ? "\"\"" : "\"/media/" + stored.Id + "\"", StringComparison.Ordinal);
        }

        var title = document.Title ?? Path.GetFileNameWithoutExtension(file.FileName).Trim();
        var values = new System.Text.Json.Nodes.JsonObject { ["title"] = title, ["bodyHtml"] = html };
        if (!string.IsNullOrEmpty(Column))
        {
            values["column"] = Column;
        }

        var created = await workflow.CreateAsync(Me, choice.Type.Name, values, cancellationToken);
        if (created.Failure is { } failure)
        {
            return Refused(failure);
        }

        var missingAlt = document.Pictures.Count(p => p.Alt is null);
        Flash = $"已从 Word 导入为草稿：{document.Pictures.Count - refused} 张图片、{document.Tables} 个表格、{document.Footnotes} 条脚注"
            + (refused > 0 ? mayUpload ? $"；{refused} 张图片格式不受支持，未能导入" : $"；您无权上传图片，{refused} 张图片未导入" : "")
            + (missingAlt > 0 ? $"；{missingAlt} 张图片缺少替代文字，请双击图片补充" : "");
        return Redirect($"/admin/content/edit/{created.Value!.Version.ContentItemId}");
    }

    private IActionResult Problem(string message)
    {
        Errors.Add(message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Load()
    {
        var site = Policy.Site;
        // A proposal is filed by the office (numbered, with its proposers), never made from a document alone.
        Choices = site.Types
            .Where(t => t.Parts.Contains(BuiltInParts.MarkdownBody) && t.Name != PublicitySite.Proposals.ProposalVisibility.ContentType)
            .Select(t => (t, (IReadOnlyList<string>)site.ColumnsOf(t.Name).Select(c => c.Name).Where(c => Policy.Has(Me, Permissions.CreateContent, t.Name, c)).ToList()))
            .Where(c => Policy.Has(Me, Permissions.CreateContent, c.t.Name, null) && (c.Item2.Count > 0 || !site.ColumnsOf(c.t.Name).Any()))
            .ToList();
    }
}
