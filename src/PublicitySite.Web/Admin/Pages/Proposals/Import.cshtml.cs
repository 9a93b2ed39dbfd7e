using System.Text;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Media;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// 批量导入: the file is first checked in a dry run (every row's problems in Chinese, nothing written), then a
/// confirmed run imports all rows in one transaction or none. The text travels back with the confirmation in
/// a hidden field; the real run checks every row again, so an altered field cannot slip anything past it.
/// </summary>
public sealed class ImportModel(ProposalImporter importer) : ProposalOfficePage
{
    /// <summary>Generous for thousands of rows, small enough to keep a stray upload from filling memory.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public ProposalImportResult? Result { get; private set; }

    /// <summary>The checked text, posted back by the confirm button.</summary>
    public string? Text { get; private set; }

    public string Format { get; private set; } = "csv";

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return Refuse("请选择要导入的 CSV 或 JSON 文件");
        }

        FileName = Path.GetFileName(file.FileName);
        Format = FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv";
        await using var stream = file.OpenReadStream();
        if (await MediaUploader.ReadLimitedAsync(stream, MaxBytes, cancellationToken) is not { } bytes)
        {
            return Refuse($"文件超过 {MaxBytes / 1024 / 1024} MB 的上限，请分批导入");
        }

        Text = Decode(bytes);
        if (Text is null)
        {
            return Refuse("文件不是 UTF-8 编码的文本，请在表格软件中另存为“CSV UTF-8”后再上传");
        }

        var checkedRun = await importer.ImportAsync(Me, new ProposalImportRequest(Text, Format, DryRun: true, FileName: FileName), cancellationToken);
        if (checkedRun.Failure is { } failure)
        {
            return Refused(failure);
        }

        Result = checkedRun.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? text, string? format, string? fileName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || format is not ("csv" or "json"))
        {
            return Refuse("没有可导入的内容，请重新上传文件并检查");
        }

        (Text, Format, FileName) = (text, format, fileName);
        var run = await importer.ImportAsync(Me, new ProposalImportRequest(text, format, DryRun: false, FileName: fileName), cancellationToken);
        if (run.Failure is { } failure)
        {
            // A refused batch shows its rows with their problems, as the check did.
            Result = (failure as ProposalImportRefused)?.Report;
            return Refused(failure);
        }

        Result = run.Value!;
        Flash = $"已导入 {Result.Rows.Count} 件提案";
        return Redirect("/admin/proposals");
    }

    private IActionResult Refuse(string reason)
    {
        Errors.Add(reason);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>UTF-8 (with or without BOM); anything else is refused rather than imported as mojibake.</summary>
    private static string? Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
