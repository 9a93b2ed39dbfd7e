using PublicitySite.Proposals;
using PublicitySite.Web.Api;

namespace PublicitySite.Web.Proposals;

/// <summary>Reads the list filters from a query string, the same way for the page and the API.</summary>
internal static class ProposalFilterParser
{
    public const int MaxPageSize = 100;

    /// <summary>Twenty proposals a page unless asked, at most <see cref="MaxPageSize"/>.</summary>
    internal sealed class PageLimits : IPagedList
    {
        public static int DefaultPageSize => 20;

        public static int MaxPageSize => ProposalFilterParser.MaxPageSize;

        public static int MaxPage => 100_000;
    }

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "term", "meeting", "session", "status", "category", "unit", "key", "sector", "page", "pageSize",
    };

    /// <summary>A filter, or the parameter at fault and a Chinese explanation.</summary>
    public static (ProposalFilter? Filter, string? Parameter, string? Error) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parse(query.Keys, ProposalFilters.From(query), QueryPaging.From<PageLimits>(query));
    }

    /// <summary>As above, with the filters and paging bound apart (the API describes them as records).</summary>
    internal static (ProposalFilter? Filter, string? Parameter, string? Error) Parse(IEnumerable<string> keys, ProposalFilters filters, Paging<PageLimits> paging)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(paging);
        if (keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return (null, unknown, ApiProblems.UnknownParameter(unknown, Known));
        }

        int? term = null, meeting = null;
        if (QueryFilter.Trimmed(filters.Session) is { } session)
        {
            // 5-3 or 第五届第三次会议
            var probe = session.Contains('-', StringComparison.Ordinal) ? session + "-1" : session + "第0001号";
            if (!ProposalNumbering.TryParse(probe, out var s))
            {
                return (null, "session", $"届次“{session}”无效，应如 5-3 或 第五届第三次会议");
            }

            (term, meeting) = (s.Term, s.Meeting);
        }

        if (!QueryNumbers.TryRead(filters.Term, 1, 99, out var givenTerm))
        {
            return (null, "term", "届、次会议应为 1 到 99 的整数");
        }

        if (!QueryNumbers.TryRead(filters.Meeting, 1, 99, out var givenMeeting))
        {
            return (null, "meeting", "届、次会议应为 1 到 99 的整数");
        }

        (term, meeting) = (givenTerm ?? term, givenMeeting ?? meeting);

        ProposalStatus? status = null;
        if (QueryFilter.Trimmed(filters.Status) is { } statusText)
        {
            if (!ProposalNames.TryParseStatus(statusText, out var parsed))
            {
                return (null, "status", $"未知的状态“{statusText}”。可用：{string.Join("、", ProposalNames.AllStatuses)}");
            }

            status = parsed;
        }

        bool? key = null;
        switch (QueryFilter.Trimmed(filters.Key)?.ToLowerInvariant())
        {
            case null: break;
            case "true" or "1" or "是" or "重点": key = true; break;
            case "false" or "0" or "否": key = false; break;
            default: return (null, "key", "key 应为 true 或 false");
        }

        var (category, unit, sector) = (QueryFilter.Trimmed(filters.Category), QueryFilter.Trimmed(filters.Unit), QueryFilter.Trimmed(filters.Sector));
        if (!QueryFilter.TryCheckLengths<ProposalFilters>(out var error, ("category", category), ("unit", unit), ("sector", sector))
            || !paging.TryRead(out var page, out var pageSize, out error))
        {
            return (null, error.Parameter, error.Detail);
        }

        return (new ProposalFilter
        {
            Term = term,
            Meeting = meeting,
            Status = status,
            Category = category,
            Unit = unit,
            Key = key,
            Sector = sector,
            Page = page,
            PageSize = pageSize,
        }, null, null);
    }
}
