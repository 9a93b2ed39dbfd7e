using System.Globalization;
using System.Text;

namespace PublicitySite.Proposals;

/// <summary>Proposal numbers (第五届第一次会议第0012号) and which session a filing date belongs to.</summary>
public static class ProposalNumbering
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Format(int term, int meeting, int seq) =>
        $"第{Chinese(term)}届第{Chinese(meeting)}次会议第{seq.ToString("D4", CultureInfo.InvariantCulture)}号";

    public static string Session(int term, int meeting) => $"第{Chinese(term)}届第{Chinese(meeting)}次会议";

    /// <summary>
    /// The session a proposal filed on <paramref name="filedOn"/> counts for: the first whose cut-off is on
    /// or after that day, so filings after a session's cut-off go to the next one. Null when none is configured.
    /// </summary>
    public static ProposalSession? SessionFor(IReadOnlyList<ProposalSession> sessions, DateOnly filedOn) =>
        sessions.OrderBy(s => s.CutOff).FirstOrDefault(s => s.CutOff >= filedOn);

    /// <summary>Reads 第五届第一次会议第0012号 (or 5-1-12) back into its parts.</summary>
    public static bool TryParse(string? text, out (int Term, int Meeting, int Seq) number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var dashed = text.Split('-');
        if (dashed.Length == 3 && dashed.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            number = (int.Parse(dashed[0], CultureInfo.InvariantCulture), int.Parse(dashed[1], CultureInfo.InvariantCulture), int.Parse(dashed[2], CultureInfo.InvariantCulture));
            return true;
        }

        var match = System.Text.RegularExpressions.Regex.Match(text, "^第(.+)届第(.+)次会议第(\\d+)号$");
        if (match.Success && FromChinese(match.Groups[1].Value) is { } term && FromChinese(match.Groups[2].Value) is { } meeting)
        {
            number = (term, meeting, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    /// <summary>1–99 in Chinese numerals as numbers are written in session names (十二, 二十).</summary>
    public static string Chinese(int n)
    {
        if (n is < 1 or > 99)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        if (n >= 10)
        {
            if (n >= 20)
            {
                sb.Append(Digits[n / 10]);
            }

            sb.Append('十');
        }

        if (n % 10 != 0 || n < 10)
        {
            sb.Append(Digits[n % 10]);
        }

        return sb.ToString();
    }

    private static int? FromChinese(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        for (var n = 1; n < 100; n++)
        {
            if (Chinese(n) == text)
            {
                return n;
            }
        }

        return null;
    }
}
