using Microsoft.AspNetCore.Mvc;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Proposals;

/// <summary>The file <c>GET /api/proposals/export</c> writes: a Word compilation or an Excel register.</summary>
public sealed record ExportFormat : IQueryFilters
{
    public const string Word = "docx";
    public const string Excel = "xlsx";
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    public static IReadOnlyList<QueryFilter> Described { get; } =
    [
        QueryFilter.OneOf("format", "docx（Word 汇编）或 xlsx（Excel 登记表）", Word, Excel) with { Required = true },
    ];

    /// <returns>False unless the format is one of the two, in any case and spacing.</returns>
    public bool TryRead(out string format)
    {
        format = Format?.Trim().ToLowerInvariant() ?? "";
        return format is Word or Excel;
    }
}
