using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using PublicitySite.Commands;
using PublicitySite.MemberRecord;
using PublicitySite.Web.Site;
using static PublicitySite.Web.MemberPortal.MemberPortalEndpoints;

namespace PublicitySite.Web.MemberRecord;

/// <summary>
/// 社情民意 and 履职档案 in 委员之家: thin adapters over <see cref="PortalOpinions"/>, <see cref="OpinionQueries"/> and
/// <see cref="DutyRecords"/>. Every page reads the signed-in member's own things only; there is no member id in
/// any address, so no path leads to another member's record or points.
/// </summary>
internal static class MemberRecordEndpoints
{
    public static IEndpointRouteBuilder MapMemberRecord(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Home).ExcludeFromDescription();
        group.MapGet("/opinions", ListAsync);
        group.MapGet("/opinions/new", NewAsync);
        group.MapGet("/opinions/{id:long}", DetailAsync);
        group.MapPost("/opinions", SubmitAsync);
        group.MapGet("/record", RecordAsync);
        group.MapGet("/record/report", ReportAsync);
        group.MapGet("/record/report.docx", ReportDocxAsync);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext http, OpinionQueries queries, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        var items = (await queries.MineAsync(me, ct)).Select(o => new { o.Id, o.Title, Date = Day(o.Date), o.Category, o.Status, o.Adopted }).ToList();
        return await PageAsync(http, pages, "member/opinions", "社情民意", new { Items = items, Submitted = http.Request.Query.ContainsKey("submitted") });
    }

    private static async Task<IResult> NewAsync(HttpContext http, PortalOpinions opinions, SitePages pages)
    {
        if (await SignedInMemberAsync(http) is not { Member: not null })
        {
            return await RefuseAsync(http, pages);
        }

        return await PageAsync(http, pages, "member/opinion-edit", "报送社情民意", FormModel(http, new OpinionInput("", "", "", null), opinions.Categories, []));
    }

    private static async Task<IResult> DetailAsync(long id, HttpContext http, OpinionQueries queries, PortalOpinions opinions, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        if (await queries.DetailAsync(me, id, ct) is not { } o)
        {
            return await PageAsync(http, pages, "message", FailureTexts.NotFoundTitle, new { Title = MemberRecordTexts.OpinionMissing, Text = "没有找到这篇社情民意，或您无权查看。" }, StatusCodes.Status404NotFound);
        }

        await opinions.MarkSeenAsync(me, id, ct);
        return await PageAsync(http, pages, "member/opinion", o.Title, new { o.Id, o.Title, Date = Day(o.Date), o.Category, o.Adoption, o.Remark, o.Published, o.Status, o.Adopted, o.Situation, o.Suggestion });
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, PortalOpinions opinions, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return await PageAsync(http, pages, "message", FailureTexts.FormExpired, new { Title = FailureTexts.FormExpired, Text = "表单已失效，请返回上一页刷新后重试。" }, StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var input = new OpinionInput(form["title"], form["situation"], form["suggestion"], form["category"]);
        var submitted = await opinions.SubmitAsync(me, input, ct);
        return submitted.Succeeded
            ? Results.Redirect($"{Home}/opinions?submitted=1")
            : await PageAsync(http, pages, "member/opinion-edit", "报送社情民意", FormModel(http, input, opinions.Categories, Messages(submitted.Failure!)), StatusOf(submitted.Failure!));
    }

    private static async Task<IResult> RecordAsync(HttpContext http, DutyRecords records, TimeProvider clock, SitePages pages, CancellationToken ct) =>
        await YearPageAsync(http, records, clock, pages, "member/record", "履职档案", ct);

    private static async Task<IResult> ReportAsync(HttpContext http, DutyRecords records, TimeProvider clock, SitePages pages, CancellationToken ct) =>
        await YearPageAsync(http, records, clock, pages, "member/report", "履职报告", ct);

    private static async Task<IResult> ReportDocxAsync(HttpContext http, DutyRecords records, TimeProvider clock, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        if (Year(http, clock) is not { } year)
        {
            return await BadYearAsync(http, pages);
        }

        var mine = await records.MineAsync(me, year, ct);
        if (mine.Value is not { } record)
        {
            return await PageAsync(http, pages, "message", "无法生成", new { Title = "无法生成履职报告", Text = mine.Failure!.Detail }, StatusOf(mine.Failure!));
        }

        var bytes = DutyReportDocument.Write(record, await records.SectorAsync(record.MemberId, ct));
        return Results.File(bytes, DutyReportDocument.ContentType, $"{year}年度履职报告-{record.Name}.docx");
    }

    private static async Task<IResult> YearPageAsync(HttpContext http, DutyRecords records, TimeProvider clock, SitePages pages, string view, string title, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        if (Year(http, clock) is not { } year)
        {
            return await BadYearAsync(http, pages);
        }

        var mine = await records.MineAsync(me, year, ct);
        if (mine.Value is not { } r)
        {
            return await PageAsync(http, pages, "message", title, new { Title = title, Text = mine.Failure!.Detail }, StatusOf(mine.Failure!));
        }

        var thisYear = DutyRecords.ThisYear(clock);
        var years = Enumerable.Range(0, 5).Select(i => thisYear - i).Append(year).Distinct().OrderByDescending(y => y)
            .Select(y => new { Year = y, Current = y == year }).ToList();
        var model = new
        {
            r.Name,
            r.Year,
            Sector = await records.SectorAsync(r.MemberId, ct),
            Years = years,
            r.Led,
            r.Cosigned,
            r.Adopted,
            r.Attended,
            r.Total,
            Points = r.Points.Select(p => new { p.Label, p.Count, p.Each, p.Points }).ToList(),
            Proposals = r.Proposals.Select(p => new { p.Number, p.Title, p.Role, p.Status, Date = Day(p.Date), p.PortalId, p.PublicPath }).ToList(),
            Opinions = r.Opinions.Select(o => new { o.Title, Date = Day(o.Date), o.Adoption, o.Adopted, o.Remark, o.PortalId }).ToList(),
            Speeches = r.Speeches.Select(s => new { s.Title, s.Path, Date = Day(s.Date) }).ToList(),
            Meetings = r.Meetings.Select(m => new { m.Title, Date = Day(m.Date), m.Kind, m.Attendance }).ToList(),
        };
        return await PageAsync(http, pages, view, $"{year} 年{title}", model);
    }

    /// <summary>The year asked for (?year=), this year without one; null for anything that is not a year.</summary>
    private static int? Year(HttpContext http, TimeProvider clock)
    {
        var text = http.Request.Query["year"].ToString();
        if (text.Length == 0)
        {
            return DutyRecords.ThisYear(clock);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 9999 ? year : null;
    }

    private static Task<IResult> BadYearAsync(HttpContext http, SitePages pages) =>
        PageAsync(http, pages, "message", "年份有误", new { Title = "年份有误", Text = "请选择有效的年份，例如 2026。" }, StatusCodes.Status400BadRequest);

    private static object FormModel(HttpContext http, OpinionInput input, IReadOnlyList<string> categories, IReadOnlyList<string> errors) => new
    {
        input.Title,
        input.Situation,
        input.Suggestion,
        input.Category,
        Categories = categories,
        Errors = errors,
        Csrf = Csrf(http),
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
