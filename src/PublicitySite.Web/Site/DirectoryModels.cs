using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Site;

/// <summary>A member card for the 委员风采 strip and the directory.</summary>
internal sealed record MemberCard(string Name, string Url, string? Sector, string? Party, string? Term, string? Photo, string? Summary, bool Sample)
{
    /// <summary>One character for the portrait placeholder: the given name's first character.</summary>
    public string Initial => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { Length: > 0 } last ? last[..1] : "委";

    public static MemberCard From(EntryModel entry) => new(
        entry.Title,
        entry.Url,
        entry.Field("MemberPart", "Sector"),
        entry.Field("MemberPart", "Party"),
        entry.Field("MemberPart", "Term"),
        entry.Field("MemberPart", "Photo"),
        entry.Summary,
        entry.Sample);
}

/// <summary>A proposal line for 提案追踪: number, 案由, current status.</summary>
internal sealed record ProposalLine(string Title, string Url, string Number, string Status, string? StatusDate, bool Key, string? Category, bool Sample)
{
    /// <summary>已超期 beside the status when the recorded steps say the reply is late (the words lists use).</summary>
    public string? Overdue { get; init; }

    /// <summary>A proposer may refuse publication; such a proposal never shows on the public site.</summary>
    public static bool IsPublic(EntryModel entry) =>
        entry.Data["ProposalPart"] is not JsonObject part || part["Public"] is not JsonValue v || v.GetValueKind() != JsonValueKind.False;

    /// <param name="recorded">The status the office's recorded steps give it; else the version's own timeline.</param>
    public static ProposalLine From(EntryModel entry, RecordedStatus? recorded = null)
    {
        var part = entry.Data["ProposalPart"] as JsonObject ?? [];
        var last = (part["Timeline"] as JsonArray)?.LastOrDefault() as JsonObject;
        return new ProposalLine(
            entry.Title,
            entry.Url,
            FormatNumber(Int(part["Term"]), Int(part["Meeting"]), Int(part["Seq"])),
            recorded?.Status ?? last?["Status"]?.ToString() ?? ProposalNames.Of(ProposalStatus.Filed),
            recorded is not null ? recorded.On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : last?["Date"]?.ToString(),
            part["Key"] is JsonValue k && k.GetValueKind() == JsonValueKind.True,
            part["Category"]?.ToString(),
            entry.Sample)
        { Overdue = recorded is { Overdue: true } ? ProposalNames.Overdue : null };
    }

    /// <summary>第五届第一次会议第0012号.</summary>
    public static string FormatNumber(int term, int meeting, int seq) =>
        term <= 0 ? "" : $"第{ChineseNumber(term)}届第{ChineseNumber(meeting)}次会议第{seq:0000}号";

    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 0 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static int Int(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : int.TryParse(node?.ToString(), out var i) ? i : 0;
}

/// <summary>A 文史资料 collection (辑) card.</summary>
internal sealed record CollectionCard(string Title, string Url, string? Number, string? Year, string? Topic, string? Summary, bool Sample)
{
    public static CollectionCard From(EntryModel entry)
    {
        var part = entry.Data["LiteratureCollectionPart"] as JsonObject ?? [];
        return new CollectionCard(entry.Title, entry.Url, part["Number"]?.ToString(), part["Year"]?.ToString(), part["Topic"]?.ToString(), entry.Summary, entry.Sample);
    }
}
