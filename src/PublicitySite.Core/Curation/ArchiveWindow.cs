using PublicitySite.Contents.Definitions;
using PublicitySite.Settings;

namespace PublicitySite.Curation;

/// <summary>
/// 信息归档: how old an item may be and still appear in its column's list and on the home page. Older items
/// keep their address and stay in search; their page says 已归档. A column's own window (recipe
/// <c>archiveAfterYears</c>) wins over the site setting; 0 never archives.
/// </summary>
public static class ArchiveWindow
{
    public static int YearsFor(ColumnDefinition? column, SiteSettings settings) =>
        column?.ArchiveAfterYears ?? SiteSchedule.ArchiveYears(settings);

    /// <summary>Items published before this (UTC) are archived; null when the column keeps everything.</summary>
    public static DateTime? CutoffUtc(ColumnDefinition? column, SiteSettings settings, DateTime nowUtc) =>
        YearsFor(column, settings) is > 0 and var years ? nowUtc.AddYears(-years) : null;

    /// <summary>Each column's cutoff (by column name), leaving out the columns that keep everything; for search's 含归档信息 filter.</summary>
    public static IReadOnlyDictionary<string, DateTime> Cutoffs(SiteDefinition site, SiteSettings settings, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(site);
        var cutoffs = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var column in site.Columns)
        {
            if (CutoffUtc(column, settings, nowUtc) is { } cutoff)
            {
                cutoffs[column.Name] = cutoff;
            }
        }

        return cutoffs;
    }

    public static bool IsArchived(ColumnDefinition? column, SiteSettings settings, DateTime? publishedUtc, DateTime nowUtc) =>
        publishedUtc is { } published && CutoffUtc(column, settings, nowUtc) is { } cutoff && published < cutoff;
}
