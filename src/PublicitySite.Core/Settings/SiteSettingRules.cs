using System.Text.RegularExpressions;

namespace PublicitySite.Settings;

/// <summary>What a value of a known setting may be: length, whether the footer needs it, and its format.</summary>
public sealed record SiteSettingRule(int MaxLength, bool Required = false, Regex? Pattern = null, string? FormatHint = null);

/// <summary>
/// The checks every write of a setting passes, whoever makes it (admin page, service caller). Formats follow
/// the numbers government sites must show (工信部 ICP备案号, 公安备案号, 网站标识码), so a typo never reaches every
/// page's footer; recipe keys this class does not know get only the general length limit.
/// </summary>
public static partial class SiteSettingRules
{
    private static readonly Dictionary<string, SiteSettingRule> Rules = new(StringComparer.Ordinal)
    {
        [SiteSettingKeys.SiteName] = new(60, Required: true),
        [SiteSettingKeys.SiteDomain] = new(253, Required: true, DomainPattern(), "只填域名（可带端口），不含 http:// 和路径，如 www.example.gov.cn"),
        [SiteSettingKeys.SiteIdCode] = new(10, Pattern: IdCodePattern(), FormatHint: "应为 10 位数字或字母，如 6101000001"),
        [SiteSettingKeys.SponsoringUnit] = new(100, Required: true),
        [SiteSettingKeys.Contact] = new(200),
        [SiteSettingKeys.Address] = new(200),
        [SiteSettingKeys.IcpNumber] = new(50, Pattern: IcpPattern(), FormatHint: "应形如“京ICP备12345678号”或“京ICP备12345678号-1”"),
        [SiteSettingKeys.PoliceNumber] = new(50, Pattern: PolicePattern(), FormatHint: "应形如“京公网安备 11010502000001号”"),
        [SiteSettingKeys.Slogan] = new(100),
        [SiteSettingKeys.SiteDescription] = new(200),
        [SiteSettingKeys.NoticeText] = new(200),
        [SiteSettingKeys.NoticeUntil] = new(16, Pattern: TimePattern(), FormatHint: "北京时间，形如“2026-12-31 18:00”；留空则一直显示"),
        [SiteSettingKeys.MourningFrom] = new(16, Pattern: TimePattern(), FormatHint: "北京时间，形如“2026-12-13 00:00”；只填结束时间即从现在开始"),
        [SiteSettingKeys.MourningUntil] = new(16, Pattern: TimePattern(), FormatHint: "北京时间，形如“2026-12-13 24:00”前的时刻；只填开始时间则一直持续到清除"),
        [SiteSettingKeys.ArchiveYears] = new(2, Pattern: YearsPattern(), FormatHint: "整数年，如 3；留空或 0 表示不归档，栏目可在配方中单独设置"),
    };

    public static SiteSettingRule For(string key) => Rules.GetValueOrDefault(key) ?? new SiteSettingRule(SiteSettingKeys.MaxLength);

    public static string Label(string key) =>
        SiteSettingKeys.Known.FirstOrDefault(k => k.Key == key).Label ?? key;

    /// <summary>
    /// The problem with a value about to be stored, in Chinese, or null when it is fine. An empty value is fine
    /// here (it restores the recipe's value); forms that need an answer check <see cref="SiteSettingRule.Required"/>.
    /// </summary>
    public static string? Check(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var rule = For(key);
        var text = value.Trim();
        if (text.Length > rule.MaxLength)
        {
            return $"{Label(key)}不能超过 {rule.MaxLength} 个字符（现有 {text.Length} 个）";
        }

        if (text.Any(char.IsControl))
        {
            return $"{Label(key)}不能包含换行或控制字符";
        }

        if (rule.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            return $"{Label(key)}格式不正确：{rule.FormatHint}";
        }

        return null;
    }

    [GeneratedRegex(@"^(?=.{1,253}(:|$))([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^[0-9]{1,2}$")]
    private static partial Regex YearsPattern();

    [GeneratedRegex("^[0-9A-Za-z]{10}$")]
    private static partial Regex IdCodePattern();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,2}ICP[备证] ?[0-9]{4,12}号(-[0-9]{1,3})?$")]
    private static partial Regex IcpPattern();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,2}公网安备 ?[0-9]{6,20}号$")]
    private static partial Regex PolicePattern();
}
