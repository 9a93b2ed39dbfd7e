namespace PublicitySite.Settings;

/// <summary>The settings the public site reads, with the labels an administrator sees.</summary>
public static class SiteSettingKeys
{
    public const string SiteName = "SiteName";
    public const string SiteDomain = "SiteDomain";
    public const string SiteIdCode = "SiteIDCode";
    public const string SponsoringUnit = "SponsoringUnit";
    public const string Contact = "Contact";
    public const string Address = "Address";
    public const string IcpNumber = "IcpNumber";
    public const string PoliceNumber = "PoliceNumber";
    public const string Slogan = "Slogan";
    public const string SiteDescription = "SiteDescription";
    public const string NoticeText = "NoticeText";
    public const string NoticeUntil = "NoticeUntil";
    public const string MourningFrom = "MourningFrom";
    public const string MourningUntil = "MourningUntil";
    public const string ArchiveYears = "ArchiveYears";

    /// <summary>How times are written in settings: local (Beijing) time to the minute.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>Longest value accepted: footer lines and names, never documents.</summary>
    public const int MaxLength = 300;

    public static IReadOnlyList<(string Key, string Label)> Known { get; } =
    [
        (SiteName, "网站名称"),
        (SiteDomain, "网站域名"),
        (SiteIdCode, "网站标识码"),
        (SponsoringUnit, "主办单位"),
        (Contact, "联系方式"),
        (Address, "地址"),
        (IcpNumber, "ICP备案号"),
        (PoliceNumber, "公安备案号"),
        (Slogan, "标语"),
        (SiteDescription, "网站简介"),
        (NoticeText, "公告条内容"),
        (NoticeUntil, "公告条截止时间"),
        (MourningFrom, "哀悼模式开始时间"),
        (MourningUntil, "哀悼模式结束时间"),
        (ArchiveYears, "信息归档年限"),
    ];
}
