using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Operations;

/// <summary>The daily backup with a clock moved a day at a time and a check every 200 ms: one file a day, the newest kept.</summary>
public sealed class ScheduledBackupTests
{
    [Fact]
    public async Task One_backup_is_made_each_day_and_only_the_newest_are_kept()
    {
        var clock = TestClock.Running();
        using var site = new TestSite(seed: false, settings: new()
        {
            ["Backups:Daily"] = "true",
            ["Backups:At"] = "00:00:00",
            ["Backups:Keep"] = "2",
            ["Backups:CheckEvery"] = "00:00:00.200",
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = site.CreateClient();
        var folder = Path.Combine(site.DataDir, "backups");

        var first = await WaitForAsync(folder, 1, clock);
        await Task.Delay(1000);
        Assert.Single(Files(folder)); // checks keep running, but the day has its backup
        clock.Offset = TimeSpan.FromDays(1);
        await WaitForAsync(folder, 2, clock);
        clock.Offset = TimeSpan.FromDays(2);
        var third = await WaitForAsync(folder, 2, clock, newest: Day(clock));

        Assert.Equal(2, third.Length);
        Assert.DoesNotContain(first[0], third);
        await using var zip = await ZipFile.OpenReadAsync(third[^1]);
        Assert.NotNull(zip.GetEntry("manifest.json"));
        Assert.NotNull(zip.GetEntry("tables/AspNetUsers.jsonl"));
    }

    private static string Day(TimeProvider clock) => "publicity-" + clock.GetLocalNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "publicity-*.zip").Order(StringComparer.Ordinal)] : [];

    private static async Task<string[]> WaitForAsync(string folder, int count, TimeProvider clock, string? newest = null)
    {
        newest ??= Day(clock);
        for (var i = 0; i < 300; i++)
        {
            var files = Files(folder);
            if (files.Length == count && Path.GetFileName(files[^1]).StartsWith(newest, StringComparison.Ordinal))
            {
                return files;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"expected {count} backups, the newest from {newest}; found: {string.Join(", ", Files(folder).Select(Path.GetFileName))}");
        return [];
    }
}
