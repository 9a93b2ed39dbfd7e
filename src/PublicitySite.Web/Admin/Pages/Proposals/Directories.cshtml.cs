using Microsoft.AspNetCore.Mvc;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>承办单位名录 and 界别名录: see, export and replace from CSV, through <see cref="ProposalDirectory"/>.</summary>
public sealed class DirectoriesModel(ProposalDirectory directory) : ProposalOfficePage
{
    /// <summary>Larger than any list of names an office keeps; a bigger upload is refused before it is read.</summary>
    private const long MaxUpload = 512 * 1024;

    public IReadOnlyList<string> Units { get; private set; } = [];

    public IReadOnlyList<string> Sectors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? kind, CancellationToken cancellationToken)
    {
        if (Parse(kind) is not { } k)
        {
            return await UnknownAsync(kind, cancellationToken);
        }

        return File(await directory.ExportAsync(k, cancellationToken), "text/csv; charset=utf-8", ProposalDirectory.Title(k) + ".csv");
    }

    public async Task<IActionResult> OnPostImportAsync(string? kind, string? csv, IFormFile? file, CancellationToken cancellationToken)
    {
        if (Parse(kind) is not { } k)
        {
            return await UnknownAsync(kind, cancellationToken);
        }

        if (file is { Length: > MaxUpload })
        {
            await LoadAsync(cancellationToken);
            Errors.Add($"文件超过 {MaxUpload / 1024} KB，名录文件每行只需一个名称");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await directory.ImportAsync(Me, k, csv, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(cancellationToken);
            return Refused(result.Failure!);
        }

        Flash = $"{ProposalDirectory.Title(k)}已更新，共 {result.Value} 个名称";
        return Redirect("/admin/proposals/directories");
    }

    private async Task<IActionResult> UnknownAsync(string? kind, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Errors.Add($"未知的名录“{kind}”，应为 unit（承办单位名录）或 sector（界别名录）");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static ProposalDirectoryKind? Parse(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "unit" => ProposalDirectoryKind.Unit,
        "sector" => ProposalDirectoryKind.Sector,
        _ => null,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = await directory.NamesAsync(ProposalDirectoryKind.Unit, cancellationToken);
        Sectors = await directory.NamesAsync(ProposalDirectoryKind.Sector, cancellationToken);
    }
}
