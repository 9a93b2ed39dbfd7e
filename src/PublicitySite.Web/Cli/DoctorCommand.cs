using System.CommandLine;
using Microsoft.Extensions.Options;
using PublicitySite.Storage;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Operations;

namespace PublicitySite.Web.Cli;

/// <summary>
/// <c>doctor</c>: looks at the configuration, data directory, database, search index, media, disk and clock
/// without changing anything (it does not migrate or create), and says in Chinese what is wrong and how to fix
/// it. Exit code 1 when something is wrong, 0 when at most warnings remain.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(WebApplication app)
    {
        var doctor = new Command("doctor", "检查配置、数据库、搜索索引、媒体目录、磁盘空间和时钟，并给出解决办法");
        doctor.SetAction(async (_, cancellationToken) =>
        {
            var findings = new List<Finding>();
            findings.AddRange(ConfigurationCheck.Find(app.Configuration));
            var paths = app.Services.GetRequiredService<SitePaths>();
            findings.AddRange(DoctorChecks.Files(paths, app.Services.GetRequiredService<IOptions<PublicityOptions>>().Value.Theme));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var database = await DoctorChecks.DatabaseAsync(db, cancellationToken);
                findings.AddRange(database);
                // Index, media and clock read tables: only worth asking once the schema is there and current.
                if (database.All(f => f.Level == FindingLevel.Ok))
                {
                    findings.AddRange(await DoctorChecks.IndexAsync(db, paths, cancellationToken));
                    findings.AddRange(await DoctorChecks.MediaAsync(db, paths, cancellationToken));
                    findings.AddRange(await DoctorChecks.ClockAsync(db, app.Services.GetRequiredService<TimeProvider>(), cancellationToken));
                }
            }

            findings.Add(DoctorChecks.Disk(paths, app.Services.GetRequiredService<IOptions<HealthOptions>>().Value));
            foreach (var finding in findings)
            {
                var mark = finding.Level switch { FindingLevel.Ok => "✔", FindingLevel.Warning => "!", _ => "✘" };
                Console.WriteLine($"{mark} {finding.Area}：{finding.Text}");
                if (finding.Fix is not null && finding.Level != FindingLevel.Ok)
                {
                    Console.WriteLine($"  解决：{finding.Fix}");
                }
            }

            var errors = findings.Count(f => f.Level == FindingLevel.Error);
            Console.WriteLine(errors == 0 ? "检查完毕，没有发现问题。" : $"检查完毕，发现 {errors} 个问题。");
            return errors == 0 ? 0 : 1;
        });
        return doctor;
    }
}
