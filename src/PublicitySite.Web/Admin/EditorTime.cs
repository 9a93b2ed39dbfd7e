using PublicitySite.Contents;

namespace PublicitySite.Web.Admin;

/// <summary>The admin forms' <c>datetime-local</c> values are Beijing time; the workflow takes UTC.</summary>
internal static class EditorTime
{
    public static DateTime? ToUtc(DateTime? local) =>
        local is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), SiteTime.Zone.GetUtcOffset(t)).UtcDateTime : null;

    public static string Show(DateTime? utc) => utc is { } t ? SiteTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
